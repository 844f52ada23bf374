"""Carry out a parsed command for one turn and say what to answer. No Bot Framework here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.commands import Command, CommandKind, parse_command
from bot.explain import explain
from bot.graph.auth import TokenAcquisitionError
from bot.graph.errors import GraphError
from bot.meetings import MeetingService, idempotency_key
from bot.turn import TurnInfo
from cards import error_card, help_card, meeting_card
from cards.base import Card

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

NO_ACCOUNT = (
    "I can only create meetings for people signed in to Teams with a work or school account, "
    "and this message did not come with one."
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class CommandRunner:
    def __init__(
        self,
        meetings: MeetingService,
        *,
        default_duration: timedelta = timedelta(minutes=30),
        clock: Clock = _utcnow,
    ) -> None:
        self._meetings = meetings
        self._default_duration = default_duration
        self._clock = clock

    async def handle_text(self, turn: TurnInfo) -> Card:
        if not turn.text.strip():
            return help_card("Send me a command, for example **meet now**.")
        command = parse_command(
            turn.text,
            self._clock(),
            turn.tz,
            turn.locale,
            mentions=turn.mentions,
            default_duration=self._default_duration,
        )
        return await self.run(command, turn)

    async def run(self, command: Command, turn: TurnInfo) -> Card:
        if command.kind is CommandKind.HELP:
            return help_card()
        if command.kind is CommandKind.UNKNOWN:
            return help_card(command.error or "I did not understand that. Here is what I can do:")
        if command.error:
            return error_card(command.error, "Type **help** to see what I understand.")
        if command.kind in (CommandKind.MEET_NOW, CommandKind.MEETING):
            return await self._online_meeting(command, turn)
        return error_card(
            f"**{command.kind.value}** is not available in this version yet.",
            "Use **meet now** or **meeting** to get a Teams link.",
        )

    async def _online_meeting(self, command: Command, turn: TurnInfo) -> Card:
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        start = command.start or self._clock()
        end = command.end or start + self._default_duration
        subject = command.subject or "Teams meeting"
        key = idempotency_key(turn.conversation_id, turn.activity_id)
        try:
            meeting = await self._meetings.create_online_meeting(
                turn.requester, subject, start, end, key
            )
        except (GraphError, TokenAcquisitionError) as exc:
            why = explain(exc)
            log.warning("meet now failed for user %s: %s", turn.requester.user_id, why.admin)
            return error_card(why.user, why.todo)
        if not meeting.created:
            log.info("replayed activity %s: returning existing meeting", turn.activity_id)
        return meeting_card(meeting, turn.tz, turn.locale)
