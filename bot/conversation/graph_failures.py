"""Graph's failures in words, as real tenants answer them (the Graph emulator reproduces
each, with its source): no Exchange Online mailbox, guests, both access-policy wordings,
unknown users, per-mailbox throttling, and time zones Outlook does not know. What the user
reads is in their language; what the admin's log line says (the missing permission, or the
access-policy cmdlets with the app id) is in English. bot/conversation/failures.py is the one
way in.
"""

from __future__ import annotations

import gettext
import math
import re
from dataclasses import dataclass

from bot.graph.directory import GUEST
from bot.graph.errors import (
    GraphBadRequest,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphRetryable,
    GraphThrottled,
    GraphTransportError,
)
from bot.graph.zones import GRAPH_ZONE_ERROR, UnsupportedTimeZone
from bot.identity.permissions import (
    APP_PERMISSIONS,
    POLICY_DELAY,
    REQUIRED_PERMISSIONS,
    access_policy_fix,
)
from cards.i18n import N_, Words

LINK_ONLY_STILL_WORKS = N_(
    "**meet now** and **meeting …** (a Teams link only, not put on a calendar) still work."
)
_TARGET = re.compile(r"^/?(?:me|users(?:/(?P<user>[^/?]+))?)(?:/(?P<segment>[^/?]+))?", re.I)
_QUOTED = re.compile(r"'([^']+)'")
CREATES = ("/onlineMeetings/createOrGet", "/events")  # POSTs that create something


@dataclass(frozen=True)
class Explanation:
    user: str  # shown in chat, in the user's language
    todo: str  # what the user can do next, in the user's language
    admin: str  # logged for whoever runs the bot, in English
    admin_action: bool = False  # the admin must change something: logged as an error


@dataclass(frozen=True)
class Deployment:
    """What the admin's words name: this app's id, and whether it acts with users' tokens."""

    app_id: str = ""
    delegated: bool = False


@dataclass(frozen=True)
class _Failure:
    """A Graph failure, with what its path says: whose account, which resource; and the
    user's language (`words`)."""

    error: GraphError
    deployment: Deployment
    words: gettext.NullTranslations

    @property
    def _(self) -> Words:
        return self.words.gettext

    @property
    def user(self) -> str | None:
        match = _TARGET.match(self.error.path)
        return match.group("user") if match else None

    @property
    def segment(self) -> str:
        match = _TARGET.match(self.error.path)
        return (match.group("segment") or "users").lower() if match else ""

    @property
    def where(self) -> str:
        return self.error.path or "(before sending)"

    @property
    def said(self) -> str:
        """Graph's own words, for the log."""
        message = self.error.message or "(no message)"
        return f"Graph {self.error.status} {self.error.code or '-'} on {self.where}: {message}"

    def permission(self) -> tuple[str, str]:
        """(application|delegated, the permission the failed path needs)."""
        app, delegated = REQUIRED_PERMISSIONS.get(self.segment, APP_PERMISSIONS[:1] * 2)
        return ("delegated", delegated) if self.deployment.delegated else ("application", app)


def graph_explanation(
    error: GraphError, deployment: Deployment, words: gettext.NullTranslations
) -> Explanation:
    """The words for a Graph failure."""
    failure = _Failure(error, deployment, words)
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
        return _busy(error, failure)
    return Explanation(
        _("Microsoft Graph answered with an error."),
        _("Please try again; if it keeps happening, tell your admin."),
        failure.said,
    )


def _guest(failure: _Failure) -> Explanation:
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


def _forbidden(error: GraphForbidden, failure: _Failure) -> Explanation:
    app_id, user, _ = failure.deployment.app_id, failure.user, failure._
    if error.access_policy_missing:
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
    kind, permission = failure.permission()
    consent = f"(Entra admin center > App registrations > {app_id} > API permissions > Grant "
    consent += "admin consent)"
    if error.wordless and failure.segment == "onlinemeetings":
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
            f"consent {consent}; `meeting-bot doctor --test-user <id>` tells them apart",
            admin_action=True,
        )
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
        f"{failure.said} — app {app_id} needs the {kind} permission {permission} with admin "
        f"consent {consent}",
        admin_action=True,
    )


def _not_found(error: GraphNotFound, failure: _Failure) -> Explanation:
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


def _bad_request(error: GraphBadRequest, failure: _Failure) -> Explanation:
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


def _busy(error: GraphError, failure: _Failure) -> Explanation:
    """Busy, throttled, unreachable or too slow, after the client's retries. "Nothing was
    created" only when it is known: every attempt was refused (429) or never reached Graph."""
    _ = failure._
    wait = error.retry_after if isinstance(error, GraphRetryable) else None
    when = _in_about(wait, failure)
    creating = error.method == "POST" and error.path.endswith(CREATES)
    if error.maybe_done and creating:
        return Explanation(
            _(
                "I could not confirm with Microsoft Graph whether the meeting was created; "
                "I'll check again."
            ),
            _("If it was, I'll post it here, so there is no need to ask again."),
            f"{failure.said} (outcome unknown: the intent stays pending and is reconciled)",
        )
    if error.maybe_done:
        return Explanation(
            _("Microsoft Graph did not answer in time, so I could not confirm the change."),
            # TRANSLATORS: {when} is "in a minute", "in about 30 seconds" or the like
            _("Please try again {when}; doing it twice is safe.").format(when=when),
            f"{failure.said} (outcome unknown)",
        )
    todo = _try_again(error, creating, when, _)
    if isinstance(error, GraphThrottled):
        mailbox = failure.segment in ("calendar", "calendars", "calendarview", "events")
        if mailbox:
            what = _("Microsoft 365 is limiting how fast the bot may work with your mailbox.")
        else:
            what = _("Microsoft 365 is limiting how fast the bot may work with your organization.")
        retry = wait if wait is not None else "none"
        return Explanation(what, todo, f"{failure.said} (Retry-After: {retry})")
    return Explanation(
        _("Microsoft Graph is busy or unreachable right now."),
        todo,
        f"Graph unavailable on {error.method} {error.path}: {error}",
    )


def _try_again(error: GraphError, creating: bool, when: str, _: Words) -> str:
    """Try again {when}, saying first that nothing was created or changed when it is known."""
    # TRANSLATORS: {when} is "in a minute", "in about 30 seconds" or the like
    if error.method in ("", "GET"):
        return _("Please try again {when}.").format(when=when)
    if creating:
        return _("Nothing was created. Please try again {when}.").format(when=when)
    return _("Nothing was changed. Please try again {when}.").format(when=when)


def _in_about(seconds: float | None, failure: _Failure) -> str:
    """When to try again, in words that follow "Please try again"."""
    words = failure.words
    if not seconds:
        return failure._("in a minute")
    if seconds < 90:
        n = max(1, math.ceil(seconds))
        return words.ngettext("in about {n} second", "in about {n} seconds", n).format(n=n)
    n = math.ceil(seconds / 60)
    return words.ngettext("in about {n} minute", "in about {n} minutes", n).format(n=n)
