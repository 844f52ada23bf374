"""A meeting link from any chat's compose box: the message extension's "Teams meeting" command.

Teams asks for the form (`composeExtension/fetchTask`) and shows it as a dialog; the submitted
form (`composeExtension/submitAction`) creates a standalone meeting and answers with its card,
which Teams puts in the compose box for the user to send. Problems, whether the user's input
or Graph's answer, come back in the form with the input kept, so the dialog stays open.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.compose_replies import form_again, sign_in_first, submitted
from bot.conversation.failures import FAILURES, NOT_SAVED, logged
from bot.conversation.forms import FormError, parse_compose
from bot.conversation.reply import Reply
from bot.conversation.turn import TurnInfo
from bot.identity.tokens import SignInRequired
from bot.meetings.ledger import MeetingNotSaved
from bot.meetings.model import idempotency_key
from cards import meeting_card
from cards.i18n import translator

#: The command's id in the manifest (manifest/manifest.template.json); others are answered too.
COMMAND_ID = "teamsMeeting"
log = logging.getLogger(__name__)


class ComposeExtension:
    def __init__(
        self, runner: CommandRunner, new_nonce: Callable[[], str] = lambda: uuid.uuid4().hex
    ) -> None:
        self._runner = runner
        self._new_nonce = new_nonce

    async def fetch(self, turn: TurnInfo) -> Reply:
        """The empty form; its nonce names the meeting it will make."""
        return form_again(turn, {}, {}, self._new_nonce())

    async def submit(self, turn: TurnInfo) -> Reply:
        """Create the meeting (once per form, however often it is submitted) and hand its card
        to the compose box; or the form again, saying what to fix."""
        _ = translator(turn.locale).gettext
        values, nonce = submitted(turn)
        try:
            form = parse_compose(values, turn.tz, self._runner.clock())
        except FormError as exc:
            return form_again(turn, values, exc.words(_), nonce)
        if turn.requester is None:
            return form_again(turn, values, {"form": _(NO_ACCOUNT)}, nonce)
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
            return sign_in_first(turn)
        except FAILURES as exc:
            why = logged(turn, "compose", exc, self._runner.deployment)
            return form_again(turn, values, {"form": f"{why.user} {why.todo}"}, nonce)
        return Reply(compose=meeting_card(meeting, turn.tz, turn.locale))
