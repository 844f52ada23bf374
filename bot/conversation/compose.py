"""A meeting link from any chat's compose box: the message extension's "Teams meeting" command.

Teams asks for the form (`composeExtension/fetchTask`) and shows it as a dialog; the submitted
form (`composeExtension/submitAction`) creates a standalone meeting and answers with its card,
which Teams puts in the compose box for the user to send. Problems, whether the user's input
or Graph's answer, come back in the form with the input kept, so the dialog stays open.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.failures import FAILURES, NOT_SAVED, logged
from bot.conversation.forms import FormError, parse_compose
from bot.conversation.reply import Dialog, Reply
from bot.conversation.turn import TurnInfo
from bot.identity.tokens import SignInRequired
from bot.meetings.ledger import MeetingNotSaved
from bot.meetings.model import idempotency_key
from cards import meeting_card
from cards.compose import compose_form
from cards.i18n import N_, translator

#: The command's id in the manifest (manifest/manifest.template.json); others are answered too.
COMMAND_ID = "teamsMeeting"
log = logging.getLogger(__name__)
NONCE = "nonce"
STILL_WORKING = N_(
    "Microsoft Graph is taking a while. Press Create meeting again in a moment: "
    "you will get this same meeting, not a second one."
)
SIGN_IN_FIRST = N_(
    "Please sign in first: send me “help” in a chat with me, sign in when I ask, then try again."
)


class ComposeExtension:
    def __init__(
        self, runner: CommandRunner, new_nonce: Callable[[], str] = lambda: uuid.uuid4().hex
    ) -> None:
        self._runner = runner
        self._new_nonce = new_nonce

    async def fetch(self, turn: TurnInfo) -> Reply:
        """The empty form; its nonce names the meeting it will make."""
        return _form(turn, {}, {}, self._new_nonce())

    async def submit(self, turn: TurnInfo) -> Reply:
        """Create the meeting (once per form, however often it is submitted) and hand its card
        to the compose box; or the form again, saying what to fix."""
        _ = translator(turn.locale).gettext
        values, nonce = _submitted(turn)
        try:
            form = parse_compose(values, turn.tz, self._runner.clock())
        except FormError as exc:
            return _form(turn, values, exc.words(_), nonce)
        if turn.requester is None:
            return _form(turn, values, {"form": _(NO_ACCOUNT)}, nonce)
        key = idempotency_key(turn.conversation_id, f"compose:{nonce}")
        subject = form.subject or _("Teams meeting")
        end = form.start + form.duration
        try:
            meeting = await self._runner.meetings.create_online_meeting(
                turn.requester, subject, form.start, end, key
            )
        except MeetingNotSaved as exc:  # Graph has it: the card goes out, its buttons later
            log.error("compose: %s", exc)
            card = meeting_card(exc.meeting, turn.tz, turn.locale, problem=_(NOT_SAVED))
            return Reply(compose=card)
        except SignInRequired:  # delegated mode: the sign-in card comes in a chat with the bot
            return _form(turn, values, {"form": _(SIGN_IN_FIRST)}, nonce)
        except FAILURES as exc:
            why = logged(turn, "compose", exc, self._runner.deployment)
            return _form(turn, values, {"form": f"{why.user} {why.todo}"}, nonce)
        return Reply(compose=meeting_card(meeting, turn.tz, turn.locale))


def still_working(turn: TurnInfo) -> Reply:
    """The answer when the turn budget runs out first: the same form (its nonce kept, so
    pressing Create again gets the meeting the first press is still making)."""
    values, nonce = _submitted(turn)
    words = translator(turn.locale).gettext(STILL_WORKING) if values else None
    return _form(turn, values, {"form": words} if words else {}, nonce)


def _submitted(turn: TurnInfo) -> tuple[dict[str, str], str]:
    """The form's inputs as sent, and the nonce naming its meeting."""
    data = turn.value.get("data")
    inputs: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
    values = {k: str(v) for k, v in inputs.items() if k != NONCE and v is not None}
    return values, str(inputs.get(NONCE) or "")[:64] or turn.activity_id


def _form(
    turn: TurnInfo, values: Mapping[str, str], errors: Mapping[str, str], nonce: str
) -> Reply:
    """The form (again), in the viewer's language, with each error beside its field."""
    card = compose_form(values, errors, nonce=nonce, locale=turn.locale)
    return Reply(dialog=Dialog.compose(card, turn.locale))
