"""Finding a time (slots to book, a group chat's poll) and meeting options from a card, behind
one seam that builds them on first use: the slot search, the polls and their cards are
imported the first time a turn asks for one, so a process that only creates meetings never
loads them. The work itself is bot/conversation/planning.py and polls.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.conversation.planning import Planning
    from bot.conversation.polls import PollVerbs
    from bot.conversation.turn import TurnInfo
    from bot.meetings.model import Meeting, Requester
    from bot.meetings.polls import PollStore
    from bot.meetings.service import MeetingService
    from bot.parsing import Command
    from cards.base import Card

Data = Mapping[str, Any]


class TimeFinding:
    """`find` for the command runner, and the handlers of the slot, options and poll buttons."""

    def __init__(
        self,
        meetings: MeetingService,
        polls: PollStore,
        clock: Callable[[], datetime],
        default_duration: timedelta,
        *,
        books_for_creator: bool,
    ) -> None:
        self._meetings = meetings
        self._store = polls
        self._clock = clock
        self._default = default_duration
        self._books_for_creator = books_for_creator

    @cached_property
    def polls(self) -> PollVerbs:
        from bot.conversation.polls import PollVerbs

        return PollVerbs(
            self._meetings, self._store, self._clock, books_for_creator=self._books_for_creator
        )

    @cached_property
    def planning(self) -> Planning:
        from bot.conversation.planning import Planning

        return Planning(self._meetings, self.polls, self._clock, self._default)

    async def find(self, command: Command, turn: TurnInfo) -> Card:
        return await self.planning.find(command, turn)

    async def book_slot(self, turn: TurnInfo, data: Data) -> Card:
        return await self.planning.book_slot(turn, data)

    async def set_options(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        return await self.planning.set_options(turn, who, meeting, data)

    async def vote(self, turn: TurnInfo, data: Data) -> Card:
        return await self.polls.vote(turn, data)

    async def book(self, turn: TurnInfo, data: Data) -> Card:
        return await self.polls.book(turn, data)

    async def refresh(self, turn: TurnInfo, data: Data) -> Card:
        return await self.polls.refresh(turn, data)
