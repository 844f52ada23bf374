"""Graph and sign-in failures in words: what the user reads, what they can do, and what the
admin's log line says (the missing permission, or the access-policy cmdlets with the app id).

This is the one map from a failure to words; `guarded` runs an operation through it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.conversation.turn import TurnInfo
from bot.graph.auth import TokenAcquisitionError
from bot.graph.errors import (
    GraphAuthError,
    GraphBadRequest,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphRetryable,
    GraphTransportError,
)
from bot.identity.permissions import APP_PERMISSIONS, REQUIRED_PERMISSIONS, access_policy_fix
from bot.identity.tokens import SignInRequired
from bot.meetings.service import NotBotMeeting
from cards import error_card
from cards.base import Card

log = logging.getLogger(__name__)

NOT_YOURS = "Only the meeting's organizer can change it, and only meetings this bot created."
_TARGET = re.compile(r"^/?(?:me|users/(?P<user>[^/]+))/(?P<segment>[^/?]+)", re.IGNORECASE)


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


def explain(error: Exception, deployment: Deployment | None = None) -> Explanation:
    """The words for `error`; the admin's part names the fix where it is the admin's."""
    deployment = deployment or Deployment()
    if isinstance(error, GraphForbidden):
        return _forbidden(error, deployment)
    if isinstance(error, GraphAuthError | TokenAcquisitionError):
        return _sign_in_failed(error, deployment)
    if isinstance(error, GraphNotFound):
        return Explanation(
            "Microsoft Graph could not find that meeting or user.",
            "It may have been deleted already. Type **my meetings** to see what is left.",
            f"Graph 404 {error.code}: {error.message}",
        )
    if isinstance(error, GraphBadRequest):
        return Explanation(
            f"Microsoft Graph did not accept the meeting: {error.message}",
            "Check the time and the attendees, then try again.",
            f"Graph 400 {error.code}: {error.message}",
        )
    if isinstance(error, GraphRetryable | GraphTransportError):
        wait = getattr(error, "retry_after", None)
        when = f" in about {int(wait)} seconds" if wait else " in a minute"
        return Explanation(
            "Microsoft Graph is busy or unreachable right now.",
            f"Nothing was created. Please try again{when}.",
            f"Graph unavailable: {error}",
        )
    if isinstance(error, GraphError):
        return Explanation(
            "Microsoft Graph answered with an error.",
            "Please try again; if it keeps happening, tell your admin.",
            f"Graph {error.status} {error.code}: {error.message}",
        )
    return Explanation(
        "Sorry, something went wrong on my side.",
        "Please try again. If it keeps happening, tell your admin.",
        f"Unexpected {type(error).__name__}",
    )


def _forbidden(error: GraphForbidden, deployment: Deployment) -> Explanation:
    match = _TARGET.match(error.path)
    user = match.group("user") if match else None
    segment = match.group("segment").lower() if match else ""
    app_permission, user_permission = REQUIRED_PERMISSIONS.get(segment, APP_PERMISSIONS[:1] * 2)
    app_id, where = deployment.app_id, error.path or "(unknown path)"
    if error.access_policy_missing:
        return Explanation(
            "Teams would not let this bot create meetings for you yet.",
            "An administrator must finish set-up (a Teams application access policy). "
            "Please tell your Teams admin.",
            f"Graph 403 on {where}: no Teams application access policy lets app {app_id} act "
            f"for user {user or '(me)'}. An admin runs: {access_policy_fix(app_id, user)}",
            admin_action=True,
        )
    kind, permission = (
        ("delegated", user_permission) if deployment.delegated else ("application", app_permission)
    )
    return Explanation(
        "Microsoft Graph refused the request: the bot lacks a permission.",
        "Please ask your admin to grant the bot's Graph permissions "
        "(OnlineMeetings.ReadWrite.All, Calendars.ReadWrite) and admin consent.",
        f"Graph 403 {error.code or 'Forbidden'} on {where}: app {app_id} needs the {kind} "
        f"permission {permission} with admin consent (Entra admin center > App "
        f"registrations > {app_id} > API permissions > Grant admin consent)",
        admin_action=True,
    )


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
    except FAILURES as exc:
        why = logged(turn, what, exc, deployment)
        return error_card(why.user, why.todo)


#: What `guarded` turns into words: Graph's answers and failures to get a token for it.
FAILURES = (GraphError, TokenAcquisitionError)


def logged(
    turn: TurnInfo, what: str, error: Exception, deployment: Deployment | None = None
) -> Explanation:
    """The words for `error`, after one log line (an error when the admin must act)."""
    why = explain(error, deployment)
    user = turn.requester.user_id if turn.requester else "-"
    level = logging.ERROR if why.admin_action else logging.WARNING
    log.log(level, "%s failed for user %s: %s", what, user, why.admin)
    return why
