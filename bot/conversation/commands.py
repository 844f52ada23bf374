"""Typed commands: parse the text, carry the command out, and choose the card to answer with.

A sure reading is acted on; an unsure one that would create a meeting is said back on a
confirmation card first (bot/conversation/confirm.py); an unsure cancel asks on the meeting's
own card, and an unsure listing names how it was read. The answer is in the language the text
was written in when that is another one the bot speaks (Command.language), and its buttons
carry that language so presses answer in it too."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from babel.dates import format_date

from bot.conversation.attendees import resolve_attendees
from bot.conversation.confirm import CREATES, confirmation
from bot.conversation.failures import Deployment, guarded
from bot.conversation.notices import NOTICE_KINDS, NoticeSettings
from bot.conversation.origin import origin_json
from bot.conversation.turn import TurnInfo
from bot.conversation.wording import cancel_note, default_subject, read_as
from bot.meetings.model import Meeting, Person, idempotency_key
from bot.meetings.service import MeetingService, TeamsLinkNotAllowed
from bot.parsing import Command, CommandKind, parse_command
from bot.parsing.zones import tzinfo_for
from cards import (
    error_card,
    help_card,
    meeting_card,
    schedule_form,
    teams_not_allowed_card,
)
from cards.actions import in_language
from cards.base import Card
from cards.i18n import N_, reply_locale, translator
from cards.timefmt import babel_locale

if TYPE_CHECKING:
    from bot.conversation.listing import MeetingLists

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Finder(Protocol):
    """Finding a time (bot/conversation/planning.py), kept apart from the other commands."""

    async def find(self, command: Command, turn: TurnInfo) -> Card: ...


NO_ACCOUNT = N_(
    "I can only act for people signed in to Teams with a work or school account, "
    "and this message did not come with one."
)

#: A list's buttons name its range again, and only a range up to MAX_RANGE is taken back.
LIST_CUT = N_(
    "I list up to a year at a time, so this list ends on {date}. "
    "To see later meetings, ask for a day after that."
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

    @cached_property
    def lists(self) -> MeetingLists:
        """Lists of meetings (`my meetings`, `cancel <name>`'s choices), made on first use."""
        from bot.conversation.listing import MeetingLists

        return MeetingLists(self.meetings, self.clock)

    async def guarded(
        self, turn: TurnInfo, what: str, operation: Callable[[], Awaitable[Card]]
    ) -> Card:
        """`operation`'s card, or its failure in words (bot/conversation/failures.py)."""
        return await guarded(turn, what, operation, self.deployment)

    async def handle_text(self, turn: TurnInfo) -> Card:
        _ = translator(turn.locale).gettext
        if not turn.text.strip():
            intro = _("Send me a command, for example “meet now”.")
            return help_card(intro, locale=turn.locale)
        command = parse_command(
            turn.text,
            self.clock(),
            turn.tz,
            turn.locale,
            mentions=turn.mentions,
            default_duration=self.default_duration,
        )
        locale = reply_locale(turn.locale, command.language)
        if locale == turn.locale:
            return await self.run(command, turn)
        return in_language(await self.run(command, replace(turn, locale=locale)), locale)

    async def run(self, command: Command, turn: TurnInfo) -> Card:
        kind, locale = command.kind, turn.locale
        _ = translator(locale).gettext
        if kind is CommandKind.HELP:
            return help_card(locale=locale)
        if kind is CommandKind.UNKNOWN:
            intro = command.error or _("I did not understand that. Here is what I can do:")
            return help_card(intro, locale=locale)
        if command.error:
            todo = _("Type **help** to see what I understand.")
            return error_card(command.error, todo, locale=locale)
        if kind is CommandKind.SCHEDULE and command.subject is None and command.start is None:
            return schedule_form(locale=locale)
        if turn.requester is None:
            return error_card(_(NO_ACCOUNT), locale=locale)
        if command.confirm and kind in CREATES and command.start is not None:
            return confirmation(command, turn)
        if kind in (CommandKind.MEET_NOW, CommandKind.MEETING):
            return await self.guarded(turn, "meet now", lambda: self._online(command, turn))
        if kind is CommandKind.SCHEDULE:
            return await self.guarded(turn, "schedule", lambda: self._schedule(command, turn))
        if kind is CommandKind.LIST:
            return await self.guarded(turn, "list", lambda: self._list(command, turn))
        if kind in NOTICE_KINDS:
            return await self._notice(command, turn)
        if kind is CommandKind.FIND_TIME:
            return await self._find(command, turn)
        return await self.guarded(turn, "cancel", lambda: self._cancel(command, turn))

    async def _find(self, command: Command, turn: TurnInfo) -> Card:
        finder = self.finder
        if finder is None:
            intro = translator(turn.locale).gettext("I can't find times for you here.")
            return help_card(intro, locale=turn.locale)
        return await self.guarded(turn, "find a time", lambda: finder.find(command, turn))

    async def _notice(self, command: Command, turn: TurnInfo) -> Card:
        notices, who = self.notices, turn.requester
        if notices is None or who is None:
            unset = translator(turn.locale).gettext(
                "Reminders and the daily agenda are not set up here."
            )
            return error_card(unset, locale=turn.locale)
        return await self.guarded(turn, command.kind.value, lambda: notices.run(command, turn, who))

    def _window(self, command: Command) -> tuple[datetime, datetime]:
        start = command.start or self.clock().replace(second=0, microsecond=0)
        return start, command.end or start + self.default_duration

    def _card(self, meeting: Meeting, command: Command, turn: TurnInfo) -> Card:
        """The meeting's card, with its times also in the zone the request named."""
        named = tzinfo_for(command.zone) if command.zone else None
        return meeting_card(meeting, turn.tz, turn.locale, named_zone=named)

    async def _online(self, command: Command, turn: TurnInfo) -> Card:
        assert turn.requester is not None
        _ = translator(turn.locale).gettext
        start, end = self._window(command)
        people, problems = await resolve_attendees(  # invited: participants.attendees
            command.attendees,
            command.everyone,
            turn.roster,
            turn.mentions,
            directory=self.meetings,
            locale=turn.locale,
        )
        if problems:
            todo = _("Write their e-mail address instead.")
            return error_card(" ".join(problems), todo, locale=turn.locale)
        meeting = await self.meetings.create_online_meeting(
            turn.requester,
            command.subject or _("Teams meeting"),
            start,
            end,
            idempotency_key(turn.conversation_id, turn.activity_id),
            origin=origin_json(turn),
            attendees=[p for p in people if p.aad_id != turn.requester.user_id],
            options=command.options.as_dict(),
        )
        return self._card(meeting, command, turn)

    async def _schedule(self, command: Command, turn: TurnInfo) -> Card:
        assert turn.requester is not None
        locale = turn.locale
        _ = translator(locale).gettext
        if command.start is None:
            return error_card(
                _("When should the meeting be?"),
                _("Add a day and time."),
                _("schedule Budget review tomorrow 3pm"),
                locale=locale,
            )
        people, problems = await resolve_attendees(
            command.attendees,
            command.everyone,
            turn.roster,
            turn.mentions,
            directory=self.meetings,
            locale=locale,
        )
        if problems:
            todo = _("Write their e-mail address instead.")
            return error_card(" ".join(problems), todo, locale=locale)
        return await self.schedule_with(command, turn, people)

    async def schedule_with(
        self, command: Command, turn: TurnInfo, people: Sequence[Person]
    ) -> Card:
        """Schedule `command` inviting people already resolved (the form resolves its own)."""
        assert turn.requester is not None
        assert command.start is not None
        locale = turn.locale
        _ = translator(locale).gettext
        start, end = self._window(command)
        subject = command.subject or default_subject(people, _)
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
            return teams_not_allowed_card(subject, start, end, locale=locale)
        return self._card(meeting, command, turn)

    async def _list(self, command: Command, turn: TurnInfo) -> Card:
        from bot.conversation.listing import ListQuery  # with self.lists, on first use

        _ = translator(turn.locale).gettext
        start = command.start or self.clock().replace(second=0, microsecond=0)
        end = command.end or start + timedelta(days=7)
        query, cut = ListQuery.bounded(start, end)
        caution = read_as(command, _)
        if cut and query.end is not None:
            last = format_date(
                query.end.astimezone(turn.tz), "long", locale=babel_locale(turn.locale)
            )
            caution = " ".join(filter(None, [caution, _(LIST_CUT).format(date=last)]))
        return await self.lists.card(turn, query, caution=caution)

    async def _cancel(self, command: Command, turn: TurnInfo) -> Card:
        assert turn.requester is not None
        locale = turn.locale
        _ = translator(locale).gettext
        if not command.subject:
            return error_card(
                _("Which meeting should I cancel?"),
                _("Name it by its subject."),
                _("cancel Budget review"),
                locale=locale,
            )
        found = await self.meetings.find_by_name(turn.requester, command.subject, self.clock())
        if not found:  # `cancel X` again once it is done: show what was done
            done = await self.meetings.find_by_name(
                turn.requester, command.subject, self.clock(), cancelled=True
            )
            if done:
                return meeting_card(done[0], turn.tz, turn.locale)
            return error_card(
                _("I found no upcoming meeting called “{subject}” that I created for you.").format(
                    subject=command.subject
                ),
                _("Type **my meetings** to see your meetings, each with a Cancel button."),
                locale=locale,
            )
        if len(found) > 1:
            from bot.conversation.listing import ListQuery  # with self.lists, on first use

            query = ListQuery(name=command.subject)
            return await self.lists.card(turn, query, caution=read_as(command, _))
        meeting = found[0]
        # Ask first, on the meeting's own card, when the request was unsure, people would be
        # told (the card's Cancel asks too) or it repeats (this one or all?): cancelling cannot
        # be undone.
        if command.confirm or meeting.attendees or meeting.recurrence:
            caution = read_as(command, _)
            return meeting_card(meeting, turn.tz, locale, caution=caution, confirm_cancel=True)
        cancelled = await self.meetings.cancel(turn.requester, meeting, cancel_note(turn))
        return meeting_card(cancelled, turn.tz, locale)
