"""Graph's failures in words, as real tenants answer them (the Graph emulator reproduces
each, with its source): no Exchange Online mailbox, guests, both access-policy wordings,
unknown users, per-mailbox throttling, and time zones Outlook does not know. What the user
reads is in their language; what the admin's log line says (the missing permission, or the
access-policy cmdlets with the app id) is in English. bot/conversation/failures.py is the one
way in.
"""

from __future__ import annotations

import gettext
import re

from bot.conversation.graph_busy import busy
from bot.conversation.graph_failure import Deployment, Explanation, Failure
from bot.graph.directory import GUEST
from bot.graph.errors import (
    GraphBadRequest,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphRetryable,
    GraphTransportError,
)
from bot.graph.zones import GRAPH_ZONE_ERROR, UnsupportedTimeZone
from bot.identity.permissions import POLICY_DELAY, access_policy_fix
from cards.i18n import N_

LINK_ONLY_STILL_WORKS = N_(
    "**meet now** and **meeting …** (a Teams link only, not put on a calendar) still work."
)
_QUOTED = re.compile(r"'([^']+)'")

__all__ = ["Deployment", "Explanation", "graph_explanation"]


def graph_explanation(
    error: GraphError, deployment: Deployment, words: gettext.NullTranslations
) -> Explanation:
    """The words for a Graph failure."""
    failure = Failure(error, deployment, words)
    _ = failure._
    if error.user_type == GUEST:
        return _guest(failure)
    if isinstance(error, GraphForbidden):
        return _forbidden(error, failure)
    if isinstance(error, GraphNotFound):
        return _not_found(error, failure)
    if isinstance(error, GraphBadRequest):
        return _bad_request(error, failure)
    if isinstance(error, GraphRetryable | GraphTransportError):
        return busy(error, failure)
    return Explanation(
        _("Microsoft Graph answered with an error."),
        _("Please try again; if it keeps happening, tell your admin."),
        failure.said,
    )


def _guest(failure: Failure) -> Explanation:
    _ = failure._
    return Explanation(
        _(
            "You are a guest in this organization, and guests cannot organize meetings here: "
            "Teams does not let guests create Teams meetings, and a guest has no Outlook "
            "calendar in this organization."
        ),
        _(
            "You can join any meeting you are invited to. Ask someone from this organization "
            "to set up the meeting and invite you, or create it in your own organization's "
            "Teams."
        ),
        f"{failure.said} — user {failure.user or '(me)'} is a guest (userType Guest): guests "
        "cannot organize Teams meetings or have a mailbox in this tenant",
    )


def _forbidden(error: GraphForbidden, failure: Failure) -> Explanation:
    if error.access_policy_missing:
        return _no_access_policy(failure)
    if error.wordless and failure.segment == "onlinemeetings":
        return _no_licence_or_permission(failure)
    _ = failure._
    kind, permission = failure.permission()
    if failure.segment == "users":
        what = _("The bot may not look people up in your organization's directory.")
    else:
        what = _("Microsoft Graph refused the request: the bot lacks a permission.")
    return Explanation(
        what,
        _(
            "Please ask your admin to grant the bot the Graph permission {permission} with "
            "admin consent."
        ).format(permission=permission),
        f"{failure.said} — app {failure.deployment.app_id} needs the {kind} permission "
        f"{permission} with admin consent {_consent(failure)}",
        admin_action=True,
    )


def _no_access_policy(failure: Failure) -> Explanation:
    app_id, user, _ = failure.deployment.app_id, failure.user, failure._
    fix = access_policy_fix(app_id, user)
    return Explanation(
        _(
            "Teams would not let this bot create meetings for you yet: no Teams "
            "application access policy allows it to act for you."
        ),
        _(
            "An administrator must finish set-up. Please tell your Teams admin to run, in "
            "Teams PowerShell: {fix}. A new policy can take up to 30 minutes to apply, so "
            "if it was just granted, try again a little later."
        ).format(fix=fix),
        f"{failure.said} — no Teams application access policy lets app {app_id} act for "
        f"user {user or '(me)'}. An admin runs: {fix}. It can take {POLICY_DELAY} to apply.",
        admin_action=True,
    )


def _no_licence_or_permission(failure: Failure) -> Explanation:
    """Graph refused to create an online meeting without saying why."""
    app_id, user, _ = failure.deployment.app_id, failure.user, failure._
    kind, permission = failure.permission()
    return Explanation(
        _(
            "Teams would not create a meeting for you. Either your account has no Teams "
            "licence that includes meetings, or the bot lacks a permission."
        ),
        _(
            "Please tell your admin, who can check which: assign your account a Teams "
            "licence with meetings, or grant the bot the Graph permission {permission} "
            "with admin consent."
        ).format(permission=permission),
        f"{failure.said} — user {user or '(me)'} may have no Teams licence that includes "
        f"meetings, or app {app_id} lacks the {kind} permission {permission} with admin "
        f"consent {_consent(failure)}; `meeting-bot doctor --test-user <id>` tells them apart",
        admin_action=True,
    )


def _consent(failure: Failure) -> str:
    """Where the admin grants a permission, for the log."""
    app_id = failure.deployment.app_id
    consent = f"(Entra admin center > App registrations > {app_id} > API permissions > Grant "
    return consent + "admin consent)"


def _not_found(error: GraphNotFound, failure: Failure) -> Explanation:
    user, _ = failure.user or "(me)", failure._
    if error.no_mailbox:
        return Explanation(
            _(
                "Scheduling needs an Exchange Online mailbox, and your account has none that "
                "Outlook can use (it may be inactive, or kept on an on-premises Exchange "
                "server)."
            ),
            _(LINK_ONLY_STILL_WORKS)
            + " "
            + _("To schedule invitations, ask your admin for an Exchange Online mailbox."),
            f"{failure.said} — user {user} has no Exchange Online mailbox (inactive, "
            "soft-deleted or on-premises): schedule, my meetings and cancel need one (an "
            "Exchange Online licence); meet now does not",
        )
    if error.unknown_user:
        quoted = _QUOTED.search(error.message)
        who = quoted.group(1) if quoted else user
        return Explanation(
            _("Microsoft 365 does not know the account the bot acted for: {who}.").format(who=who),
            _(
                "If your account is new, try again in a few minutes; otherwise ask your admin "
                "to check that it exists in this organization and has a mailbox."
            ),
            f"{failure.said} — user {who} does not exist in the tenant (deleted, another "
            "tenant's, or not yet synchronised)",
        )
    return Explanation(
        _("Microsoft Graph could not find that meeting."),
        _("It may have been deleted already. Type **my meetings** to see what is left."),
        failure.said,
    )


def _bad_request(error: GraphBadRequest, failure: Failure) -> Explanation:
    _ = failure._
    if error.code == GRAPH_ZONE_ERROR:
        if isinstance(error, UnsupportedTimeZone):
            zone = error.zone_name
        else:
            quoted = _QUOTED.search(error.message)
            zone = quoted.group(1) if quoted else _("your time zone")
        return Explanation(
            _(
                "Outlook has no time zone that keeps your clock ({zone}), so I cannot put the "
                "meeting at the right time in your calendar."
            ).format(zone=zone),
            _(
                "Set your device's time zone to a nearby city (Teams uses your device's), "
                "then try again."
            )
            + " "
            + _(LINK_ONLY_STILL_WORKS),
            failure.said,
        )
    return Explanation(
        _("Microsoft Graph did not accept the meeting: {message}").format(message=error.message),
        _("Check the time and the attendees, then try again."),
        failure.said,
    )
