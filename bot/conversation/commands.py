"""Typed commands: parse the text, carry the command out, and choose the card to answer with."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.conversation.attendees import resolve_attendees
from bot.conversation.failures import Deployment, guarded
from bot.conversation.notices import NOTICE_KINDS, NoticeSettings
from bot.conversation.origin import origin_json
from bot.conversation.turn import TurnInfo
from bot.meetings.model import Person, idempotency_key
from bot.meetings.service import MeetingService, TeamsLinkNotAllowed
from bot.parsing import Command, CommandKind, parse_command
from cards import (
    error_card,
    help_card,
    list_card,
    meeting_card,
    schedule_form,
    teams_not_allowed_card,
)
from cards.base import Card

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Finder(Protocol):
    """Finding a time (bot/conversation/planning.py), kept apart from the other commands."""

    async def find(self, command: Command, turn: TurnInfo) -> Card: ...


NO_ACCOUNT = (
    "I can only act for people signed in to Teams with a work or school account, "
    "and this message did not come with one."
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class CommandRunner:
    def __init__(
        self,
        meetings: MeetingService,
        *,
        default_duration: timedelta = timedelta(minutes=30),
        clock: Clock = utcnow,
        deployment: Deployment | None = None,
        notices: NoticeSettings | None = None,
        finder: Finder | None = None,
    ) -> None:
        self.meetings = meetings
        self.finder = finder  # find a time (slots, polls)
        self.notices = notices  # reminders and the daily agenda
        self.default_duration = default_duration
        self.clock = clock
        self.deployment = deployment or Deployment()

    async def guarded(
        self, turn: TurnInfo, what: str, operation: Callable[[], Awaitable[Card]]
    ) -> Card:
        """`operation`'s card, or its failure in words (bot/conversation/failures.py)."""
        return await guarded(turn, what, operation, self.deployment)

    async def handle_text(self, turn: TurnInfo) -> Card:
        if not turn.text.strip():
            return help_card("Send me a command, for example “meet now”.")
        command = parse_command(
            turn.text,
            self.clock(),
            turn.tz,
            turn.locale,
            mentions=turn.mentions,
            default_duration=self.default_duration,
        )
        return await self.run(command, turn)

    async def run(self, command: Command, turn: TurnInfo) -> Card:
        kind = command.kind
        if kind is CommandKind.HELP:
            return help_card()
        if kind is CommandKind.UNKNOWN:
            return help_card(command.error or "I did not understand that. Here is what I can do:")
        if command.error:
            return error_card(command.error, "Type **help** to see what I understand.")
        if kind is CommandKind.SCHEDULE and command.subject is None and command.start is None:
            return schedule_form()
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        if kind in (CommandKind.MEET_NOW, CommandKind.MEETING):
            return await self.guarded(turn, "meet now", lambda: self._online(command, turn))
        if kind is CommandKind.SCHEDULE:
            return await self.guarded(turn, "schedule", lambda: self._schedule(command, turn))
        if kind is CommandKind.LIST:
            return await self.guarded(turn, "list", lambda: self._list(command, turn))
        if kind in NOTICE_KINDS:
            return await self._notice(command, turn)
        if kind is CommandKind.FIND_TIME:
            finder = self.finder
            if finder is None:
                return help_card("I can't find times for you here. Here is what I can do:")
            return await self.guarded(turn, "find a time", lambda: finder.find(command, turn))
        return await self.guarded(turn, "cancel", lambda: self._cancel(command, turn))

    async def _notice(self, command: Command, turn: TurnInfo) -> Card:
        notices, who = self.notices, turn.requester
        if notices is None or who is None:
            return error_card("Reminders and the daily agenda are not set up here.")
        return await self.guarded(turn, command.kind.value, lambda: notices.run(command, turn, who))

    def _window(self, command: Command) -> tuple[datetime, datetime]:
        start = command.start or self.clock()
        return start, command.end or start + self.default_duration

    async def _online(self, command: Command, turn: TurnInfo) -> Card:
        """A standalone meeting; the people named are its participants.attendees."""
        assert turn.requester is not None
        start, end = self._window(command)
        people, problems = await resolve_attendees(
            command.attendees,
            command.everyone,
            turn.roster,
            turn.mentions,
            directory=self.meetings,
        )
        if problems:
            return error_card(" ".join(problems), "Write their e-mail address instead.")
        meeting = await self.meetings.create_online_meeting(
            turn.requester,
            command.subject or "Teams meeting",
            start,
            end,
            idempotency_key(turn.conversation_id, turn.activity_id),
            origin=origin_json(turn),
            attendees=[p for p in people if p.aad_id != turn.requester.user_id],
            options=command.options.as_dict(),
        )
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _schedule(self, command: Command, turn: TurnInfo) -> Card:
        assert turn.requester is not None
        if command.start is None:
            return error_card(
                "When should the meeting be?",
                "Add a day and time.",
                "schedule Budget review tomorrow 3pm",
            )
        people, problems = await resolve_attendees(
            command.attendees,
            command.everyone,
            turn.roster,
            turn.mentions,
            directory=self.meetings,
        )
        if problems:
            return error_card(" ".join(problems), "Write their e-mail address instead.")
        return await self.schedule_with(command, turn, people)

    async def schedule_with(
        self, command: Command, turn: TurnInfo, people: Sequence[Person]
    ) -> Card:
        """Schedule `command` inviting people already resolved (the form resolves its own)."""
        assert turn.requester is not None
        assert command.start is not None
        start, end = self._window(command)
        subject = command.subject or _default_subject(people)
        try:
            meeting = await self.meetings.schedule_event(
                turn.requester,
                subject,
                start,
                end,
                people,
                turn.tz,
                idempotency_key(turn.conversation_id, turn.activity_id),
                origin=origin_json(turn),
                recurrence=command.recurrence,
                options=command.options.as_dict(),
            )
        except TeamsLinkNotAllowed:
            return teams_not_allowed_card(subject, start, end)
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _list(self, command: Command, turn: TurnInfo) -> Card:
        assert turn.requester is not None
        start = command.start or self.clock()
        end = command.end or start + timedelta(days=7)
        meetings = await self.meetings.list_meetings(turn.requester, start, end, turn.tz)
        known = [
            await self.meetings.lookup(turn.requester, m.kind, m.series_id or m.id)
            for m in meetings
        ]
        mine = frozenset(m.id for m, rec in zip(meetings, known, strict=True) if rec is not None)
        return list_card(meetings, turn.tz, turn.locale, "Your meetings", mine)

    async def _cancel(self, command: Command, turn: TurnInfo) -> Card:
        assert turn.requester is not None
        if not command.subject:
            return error_card(
                "Which meeting should I cancel?", "Name it by its subject.", "cancel Budget review"
            )
        found = await self.meetings.find_by_name(turn.requester, command.subject, self.clock())
        if not found:  # `cancel X` again once it is done: show what was done
            done = await self.meetings.find_by_name(
                turn.requester, command.subject, self.clock(), cancelled=True
            )
            if done:
                return meeting_card(done[0], turn.tz, turn.locale)
            return error_card(
                f"I found no upcoming meeting called “{command.subject}” that I created for you.",
                "Type **my meetings** to see your meetings, each with a Cancel button.",
            )
        if len(found) > 1:
            return list_card(
                found,
                turn.tz,
                turn.locale,
                f"Which “{command.subject}”?",
                frozenset(m.id for m in found),
            )
        if found[0].recurrence:  # this one or the whole series? The card asks.
            return meeting_card(found[0], turn.tz, turn.locale, confirm_cancel=True)
        cancelled = await self.meetings.cancel(turn.requester, found[0])
        return meeting_card(cancelled, turn.tz, turn.locale)


def _default_subject(people: Sequence[Person]) -> str:
    """`schedule a call with ann@x.com tomorrow` has no subject: "Meeting with Ann"."""
    if not people:
        return "Meeting"
    first = people[0].name or people[0].email.split("@")[0].replace(".", " ").title()
    return f"Meeting with {first}" + (" and others" if len(people) > 1 else "")
