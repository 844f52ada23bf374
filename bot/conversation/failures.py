"""Graph and sign-in failures in words: what the user reads (in their language), what they
can do, and what the admin's log line says (the missing permission, or the access-policy
cmdlets with the app id).

This is the one map from a failure to words (Graph's own, as real tenants answer them, are in
bot/conversation/graph_failures.py); `guarded` runs an operation through it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.conversation.graph_failures import Deployment, Explanation, graph_explanation
from bot.conversation.turn import TurnInfo
from bot.graph.auth import TokenAcquisitionError
from bot.graph.errors import GraphAuthError, GraphError
from bot.identity.tokens import SignInRequired
from bot.meetings.service import MeetingNotSaved, NotBotMeeting
from bot.storage import StorageError
from cards import error_card, meeting_card
from cards.base import Card
from cards.i18n import N_, Words, translator

__all__ = ["NOT_YOURS", "Deployment", "Explanation", "explain", "guarded", "not_yours"]

log = logging.getLogger(__name__)

NOT_YOURS = N_("Only the meeting's organizer can change it, and only meetings this bot created.")
NOT_SAVED = N_(
    "I could not save this meeting yet, so its buttons may not work for a while. "
    "The join link works."
)


def explain(
    error: Exception, deployment: Deployment | None = None, locale: str = "en-US"
) -> Explanation:
    """The words for `error` in the user's language; the admin's part names the fix where it
    is the admin's."""
    deployment = deployment or Deployment()
    words = translator(locale)
    _ = words.gettext
    if isinstance(error, StorageError):
        return _storage(error, _)
    if isinstance(error, GraphAuthError | TokenAcquisitionError):
        return _sign_in_failed(error, deployment, _)
    if not isinstance(error, GraphError):
        return Explanation(
            _("Sorry, something went wrong on my side."),
            _("Please try again. If it keeps happening, tell your admin."),
            f"Unexpected {type(error).__name__}",
        )
    return graph_explanation(error, deployment, words)


def _storage(error: StorageError, _: Words) -> Explanation:
    return Explanation(
        _("I can't save anything right now, so I did not create or change anything."),
        _("Please try again in a few minutes. If it keeps happening, tell your admin."),
        f"Storage unavailable (full, read-only, locked or down): {error}",
        admin_action=True,
    )


def _sign_in_failed(error: Exception, deployment: Deployment, _: Words) -> Explanation:
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
        _("The bot could not sign in to Microsoft Graph."),
        _("Please tell your admin: the bot's credentials may be wrong or expired."),
        admin,
        admin_action=not isinstance(error, SignInRequired),
    )


def not_yours(turn: TurnInfo) -> Card:
    """The refusal of a button on someone else's meeting, or one this bot did not create."""
    return error_card(translator(turn.locale).gettext(NOT_YOURS), locale=turn.locale)


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
        return not_yours(turn)
    except MeetingNotSaved as exc:  # Graph has it: show it, and say what does not work yet
        log.error("%s: %s", what, exc)
        notice = translator(turn.locale).gettext(NOT_SAVED)
        return meeting_card(exc.meeting, turn.tz, turn.locale, notice=notice)
    except (GraphError, TokenAcquisitionError, StorageError) as exc:
        why = explain(exc, deployment, turn.locale)
        user = turn.requester.user_id if turn.requester else "-"
        level = logging.ERROR if why.admin_action else logging.WARNING
        log.log(level, "%s failed for user %s: %s", what, user, why.admin)
        return error_card(why.user, why.todo, locale=turn.locale)
