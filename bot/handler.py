"""The Bot Framework activity handler: activity in, TurnInfo to the runner, card out.

Everything Bot Framework-specific stays here and in app.py, so the rest of the bot does not
depend on botbuilder-python (archived by Microsoft at the end of 2025).
"""

from __future__ import annotations

import logging
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.bot_framework_adapter import InvokeResponse
from botbuilder.schema import Attachment, ChannelAccount

from bot.runner import CommandRunner
from bot.turn import TurnInfo, turn_from_activity
from cards import error_card, help_card
from cards.base import Card

log = logging.getLogger(__name__)


def card_message(card: Card) -> Any:
    return MessageFactory.attachment(
        Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card)
    )


class MeetingBot(ActivityHandler):  # type: ignore[misc]
    def __init__(self, runner: CommandRunner, default_tz: ZoneInfo) -> None:
        self._runner = runner
        self._default_tz = default_tz

    def _turn(self, turn_context: TurnContext) -> TurnInfo:
        return turn_from_activity(turn_context.activity.serialize(), self._default_tz)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        turn = self._turn(turn_context)
        if turn.value.get("action") == "run" and isinstance(turn.value.get("text"), str):
            # An Action.Submit example button on the help card: run its command text.
            turn = TurnInfo(**{**turn.__dict__, "text": str(turn.value["text"])})
        card = await self._runner.handle_text(turn)
        await turn_context.send_activity(card_message(card))

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id
        if any(member.id == bot_id for member in members_added):
            intro = "Hi! I create Teams meetings and send you the join link."
            await turn_context.send_activity(card_message(help_card(intro)))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        # Invokes this version does not handle are acknowledged and ignored, never a 5xx.
        log.info("ignoring invoke %r", turn_context.activity.name)
        return InvokeResponse(status=200, body={})


async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
    """Last resort: log the trace, tell the user in plain words."""
    log.exception("unhandled error in turn", exc_info=error)
    if turn_context.activity.type in ("message", "invoke"):
        try:
            await turn_context.send_activity(
                card_message(
                    error_card(
                        "Sorry, something went wrong on my side.", "Please try again in a moment."
                    )
                )
            )
        except Exception:  # the connector itself may be the problem
            log.exception("could not tell the user about the error")
