"""Graph and sign-in failures in words: what the user reads, what they can do, and what the
admin's log line says (the missing permission, or the access-policy cmdlets with the app id).

This is the one map from a failure to words; `guarded` runs an operation through it. Each
branch names what real tenants answer (the Graph emulator reproduces each, with its source):
no Exchange Online mailbox, guests, both access-policy wordings, unknown users, per-mailbox
throttling, and time zones Outlook does not know.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.conversation.turn import TurnInfo
from bot.graph.auth import TokenAcquisitionError
from bot.graph.directory import GUEST
from bot.graph.errors import (
    GraphAuthError,
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
from bot.identity.tokens import SignInRequired
from bot.meetings.service import MeetingNotSaved, NotBotMeeting
from bot.storage import StorageError
from cards import error_card, meeting_card
from cards.base import Card

log = logging.getLogger(__name__)

NOT_YOURS = "Only the meeting's organizer can change it, and only meetings this bot created."
NOT_SAVED = (
    "I could not save this meeting yet, so its buttons may not work for a while. "
    "The join link works."
)
CREATES = ("/onlineMeetings/createOrGet", "/events")  # POSTs that create something
LINK_ONLY_STILL_WORKS = (
    "**meet now** and **meeting …** (a Teams link only, not put on a calendar) still work."
)
_TARGET = re.compile(r"^/?(?:me|users(?:/(?P<user>[^/?]+))?)(?:/(?P<segment>[^/?]+))?", re.I)
_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class Explanation:
    user: str  # shown in chat
    todo: str  # what the user can do next
    admin: str  # logged for whoever runs the bot
    admin_action: bool = False  # the admin must change something: logged as an error


@dataclass(frozen=True)
class Deployment:
    """What the admin's words name: this app's id, and whether it acts with users' tokens."""

    app_id: str = ""
    delegated: bool = False


@dataclass(frozen=True)
class _Failure:
    """A Graph failure, with what its path says: whose account, which resource."""

    error: GraphError
    deployment: Deployment

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


def explain(error: Exception, deployment: Deployment | None = None) -> Explanation:
    """The words for `error`; the admin's part names the fix where it is the admin's."""
    deployment = deployment or Deployment()
    if isinstance(error, StorageError):
        return _storage(error)
    if isinstance(error, GraphAuthError | TokenAcquisitionError):
        return _sign_in_failed(error, deployment)
    if not isinstance(error, GraphError):
        return Explanation(
            "Sorry, something went wrong on my side.",
            "Please try again. If it keeps happening, tell your admin.",
            f"Unexpected {type(error).__name__}",
        )
    failure = _Failure(error, deployment)
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
        "Microsoft Graph answered with an error.",
        "Please try again; if it keeps happening, tell your admin.",
        failure.said,
    )


def _storage(error: StorageError) -> Explanation:
    return Explanation(
        "I can't save anything right now, so I did not create or change anything.",
        "Please try again in a few minutes. If it keeps happening, tell your admin.",
        f"Storage unavailable (full, read-only, locked or down): {error}",
        admin_action=True,
    )


def _guest(failure: _Failure) -> Explanation:
    return Explanation(
        "You are a guest in this organization, and guests cannot organize meetings here: "
        "Teams does not let guests create Teams meetings, and a guest has no Outlook calendar "
        "in this organization.",
        "You can join any meeting you are invited to. Ask someone from this organization to "
        "set up the meeting and invite you, or create it in your own organization's Teams.",
        f"{failure.said} — user {failure.user or '(me)'} is a guest (userType Guest): guests "
        "cannot organize Teams meetings or have a mailbox in this tenant",
    )


def _forbidden(error: GraphForbidden, failure: _Failure) -> Explanation:
    app_id, user = failure.deployment.app_id, failure.user
    if error.access_policy_missing:
        fix = access_policy_fix(app_id, user)
        return Explanation(
            "Teams would not let this bot create meetings for you yet: no Teams application "
            "access policy allows it to act for you.",
            f"An administrator must finish set-up. Please tell your Teams admin to run, in "
            f"Teams PowerShell: {fix}. A new policy can take {POLICY_DELAY} to apply, so if it "
            "was just granted, try again a little later.",
            f"{failure.said} — no Teams application access policy lets app {app_id} act for "
            f"user {user or '(me)'}. An admin runs: {fix}. It can take {POLICY_DELAY} to apply.",
            admin_action=True,
        )
    kind, permission = failure.permission()
    consent = f"(Entra admin center > App registrations > {app_id} > API permissions > Grant "
    consent += "admin consent)"
    if error.wordless and failure.segment == "onlinemeetings":
        return Explanation(
            "Teams would not create a meeting for you. Either your account has no Teams "
            "licence that includes meetings, or the bot lacks a permission.",
            "Please tell your admin, who can check which: assign your account a Teams licence "
            f"with meetings, or grant the bot the Graph permission {permission} with admin "
            "consent.",
            f"{failure.said} — user {user or '(me)'} may have no Teams licence that includes "
            f"meetings, or app {app_id} lacks the {kind} permission {permission} with admin "
            f"consent {consent}; `meeting-bot doctor --test-user <id>` tells them apart",
            admin_action=True,
        )
    if failure.segment == "users":
        what = "The bot may not look people up in your organization's directory."
    else:
        what = "Microsoft Graph refused the request: the bot lacks a permission."
    return Explanation(
        what,
        f"Please ask your admin to grant the bot the Graph permission {permission} with admin "
        "consent.",
        f"{failure.said} — app {app_id} needs the {kind} permission {permission} with admin "
        f"consent {consent}",
        admin_action=True,
    )


def _not_found(error: GraphNotFound, failure: _Failure) -> Explanation:
    user = failure.user or "(me)"
    if error.no_mailbox:
        return Explanation(
            "Scheduling needs an Exchange Online mailbox, and your account has none that "
            "Outlook can use (it may be inactive, or kept on an on-premises Exchange server).",
            f"{LINK_ONLY_STILL_WORKS} To schedule invitations, ask your admin for an Exchange "
            "Online mailbox.",
            f"{failure.said} — user {user} has no Exchange Online mailbox (inactive, "
            "soft-deleted or on-premises): schedule, my meetings and cancel need one (an "
            "Exchange Online licence); meet now does not",
        )
    if error.unknown_user:
        quoted = _QUOTED.search(error.message)
        who = quoted.group(1) if quoted else user
        return Explanation(
            f"Microsoft 365 does not know the account the bot acted for: {who}.",
            "If your account is new, try again in a few minutes; otherwise ask your admin to "
            "check that it exists in this organization and has a mailbox.",
            f"{failure.said} — user {who} does not exist in the tenant (deleted, another "
            "tenant's, or not yet synchronised)",
        )
    return Explanation(
        "Microsoft Graph could not find that meeting.",
        "It may have been deleted already. Type **my meetings** to see what is left.",
        failure.said,
    )


def _bad_request(error: GraphBadRequest, failure: _Failure) -> Explanation:
    if error.code == GRAPH_ZONE_ERROR:
        if isinstance(error, UnsupportedTimeZone):
            zone = error.zone_name
        else:
            quoted = _QUOTED.search(error.message)
            zone = quoted.group(1) if quoted else "your time zone"
        return Explanation(
            f"Outlook has no time zone that keeps your clock ({zone}), so I cannot put the "
            "meeting at the right time in your calendar.",
            "Set your device's time zone to a nearby city (Teams uses your device's), then try "
            f"again. {LINK_ONLY_STILL_WORKS}",
            failure.said,
        )
    return Explanation(
        f"Microsoft Graph did not accept the meeting: {error.message}",
        "Check the time and the attendees, then try again.",
        failure.said,
    )


def _busy(error: GraphError, failure: _Failure) -> Explanation:
    """Busy, throttled, unreachable or too slow, after the client's retries. "Nothing was
    created" only when it is known: every attempt was refused (429) or never reached Graph."""
    wait = error.retry_after if isinstance(error, GraphRetryable) else None
    when = _in_about(wait)
    creating = error.method == "POST" and error.path.endswith(CREATES)
    if error.maybe_done and creating:
        return Explanation(
            "I could not confirm with Microsoft Graph whether the meeting was created; "
            "I'll check again.",
            "If it was, I'll post it here, so there is no need to ask again.",
            f"{failure.said} (outcome unknown: the intent stays pending and is reconciled)",
        )
    if error.maybe_done:
        return Explanation(
            "Microsoft Graph did not answer in time, so I could not confirm the change.",
            f"Please try again in {when}; doing it twice is safe.",
            f"{failure.said} (outcome unknown)",
        )
    done = ""
    if error.method not in ("", "GET"):
        done = "Nothing was created. " if creating else "Nothing was changed. "
    if isinstance(error, GraphThrottled):
        mailbox = failure.segment in ("calendar", "calendars", "calendarview", "events")
        whose = "your mailbox" if mailbox else "your organization"
        return Explanation(
            f"Microsoft 365 is limiting how fast the bot may work with {whose} right now.",
            f"{done}Please try again in {when}.",
            f"{failure.said} (Retry-After: {wait if wait is not None else 'none'})",
        )
    return Explanation(
        "Microsoft Graph is busy or unreachable right now.",
        f"{done}Please try again in {when}.",
        f"Graph unavailable on {error.method} {error.path}: {error}",
    )


def _in_about(seconds: float | None) -> str:
    if not seconds:
        return "a minute"
    if seconds < 90:
        return f"about {max(1, math.ceil(seconds))} seconds"
    return f"about {math.ceil(seconds / 60)} minutes"


def _sign_in_failed(error: Exception, deployment: Deployment) -> Explanation:
    app_id = deployment.app_id
    if isinstance(error, GraphAuthError):
        admin = f"Graph 401 on {error.path}: Graph rejected the token of app {app_id}: "
        admin += error.message
    elif isinstance(error, SignInRequired):
        admin = f"Graph authentication failed: {error}"
    else:
        assert isinstance(error, TokenAcquisitionError)
        aadsts = f" {error.aadsts}" if error.aadsts else ""
        admin = (
            f"Graph token for app {app_id} failed (msal error {error.code or 'unknown'}"
            f"{aadsts}): {error}"
        )
    return Explanation(
        "The bot could not sign in to Microsoft Graph.",
        "Please tell your admin: the bot's credentials may be wrong or expired.",
        admin,
        admin_action=not isinstance(error, SignInRequired),
    )


async def guarded(
    turn: TurnInfo,
    what: str,
    operation: Callable[[], Awaitable[Card]],
    deployment: Deployment | None = None,
) -> Card:
    """Run a Graph-backed operation; failures become cards a person can act on and one log
    line (an error when the admin must act)."""
    try:
        return await operation()
    except NotBotMeeting:
        return error_card(NOT_YOURS)
    except MeetingNotSaved as exc:  # Graph has it: show it, and say what does not work yet
        log.error("%s: %s", what, exc)
        return meeting_card(exc.meeting, turn.tz, turn.locale, notice=NOT_SAVED)
    except (GraphError, TokenAcquisitionError, StorageError) as exc:
        why = explain(exc, deployment)
        user = turn.requester.user_id if turn.requester else "-"
        level = logging.ERROR if why.admin_action else logging.WARNING
        log.log(level, "%s failed for user %s: %s", what, user, why.admin)
        return error_card(why.user, why.todo)
