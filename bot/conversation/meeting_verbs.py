"""Buttons on a meeting card or a list's row: show, ask to cancel, cancel, move, add to the
calendar, snooze a reminder, add a Teams link, and make online an event the bot did not create.

Each but the last gets the meeting already checked to be the sender's own (CardVerbs); a
change that may be pressed twice runs once (`exclusively`) and the later press finds it done.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.failures import not_yours
from bot.conversation.forms import FormError, parse_reschedule
from bot.conversation.listing import ListQuery, RowChange
from bot.conversation.presses import OneAtATime
from bot.conversation.turn import TurnInfo
from bot.conversation.wording import cancel_note
from bot.graph.ids import is_graph_id
from bot.meetings.event_links import JoinWords
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.occurrences import first_occurrence
from bot.meetings.service import TeamsLinkNotAllowed
from cards import error_card, meeting_card
from cards.base import Card
from cards.i18n import translator
from cards.reminder import clock_time, reminder_card

Data = Mapping[str, Any]


class MeetingVerbs:
    """The handlers of the buttons that act on one meeting."""

    def __init__(self, runner: CommandRunner, exclusively: OneAtATime) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._lists = runner.lists
        self._exclusively = exclusively

    async def show(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        if (query := ListQuery.from_data(data)) is not None:  # "Keep it" on a list's row
            kept = RowChange(meeting if meeting.cancelled else None)
            return await self._lists.guarded(turn, query, self._runner, kept)
        return meeting_card(meeting, turn.tz, turn.locale)

    async def ask_cancel(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if (query := ListQuery.from_data(data)) is not None:  # the question goes in its row
            asked = RowChange(meeting, "") if meeting.cancelled else RowChange(None, meeting.id)
            return await self._lists.guarded(turn, query, self._runner, asked)
        return meeting_card(meeting, turn.tz, turn.locale, confirm_cancel=not meeting.cancelled)

    async def cancel(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        query = ListQuery.from_data(data)

        async def shown(done: Meeting) -> Card:  # the meeting's card, or the list it was on
            if query is not None:
                return await self._lists.card(turn, query, RowChange(done))
            return meeting_card(done, turn.tz, turn.locale)

        async def cancelled() -> Card | None:  # a double click or a redelivered invoke
            now = await self._meetings.lookup(who, meeting.kind, meeting.id)
            return await shown(now) if now and now.cancelled else None

        only_one = data.get("scope") == "one"  # a series: this meeting, or (else) all of them

        async def cancel() -> Card:
            target = meeting
            if only_one and meeting.recurrence and not meeting.series_id:
                user, graph = self._meetings.user_path(who), self._meetings.graph
                target = await first_occurrence(graph, user, who.user_id, meeting, turn.tz)
            note = cancel_note(turn)
            return await shown(await self._meetings.cancel(who, target, note, series=not only_one))

        return await self._exclusively(turn, data, cancelled, cancel)

    async def reschedule(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        try:
            start, end = parse_reschedule(data, turn.tz, self._runner.clock())
        except FormError as exc:
            problem = "; ".join(exc.words(translator(turn.locale).gettext).values())
            return meeting_card(meeting, turn.tz, turn.locale, problem=problem)

        async def moved_there() -> Card | None:  # a double click, or the other press finished
            now = await self._meetings.lookup(who, meeting.kind, meeting.id)
            if now is not None and (now.cancelled or (now.start, now.end) == (start, end)):
                return meeting_card(now, turn.tz, turn.locale)
            return None

        async def move() -> Card:
            words = join_words(turn.locale)
            moved = await self._meetings.reschedule(who, meeting, start, end, turn.tz, words)
            return meeting_card(moved, turn.tz, turn.locale)

        return await self._exclusively(turn, data, moved_there, move)

    async def add_to_calendar(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != ONLINE:
            return not_yours(turn)
        # Once per meeting (its intent and Graph's transactionId); a double click or an older
        # copy of the card finds the copy made and says the same.
        words = join_words(turn.locale)
        copied = await self._meetings.add_to_calendar(who, meeting, turn.tz, words)
        notice = translator(turn.locale).gettext("Added to your calendar, with the same join link.")
        return meeting_card(copied, turn.tz, turn.locale, notice=notice)

    async def snooze(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        """A reminder's "Snooze 5 min": the same reminder again in five minutes (once per card,
        however often it is pressed, on whichever replica)."""
        notices = self._runner.notices
        if notices is None or meeting.cancelled:
            return meeting_card(meeting, turn.tz, turn.locale)
        due = await notices.reminders.snooze(who, meeting, str(data.get("at", "")))
        again = translator(turn.locale).gettext("I'll remind you again at {time}.")
        notice = again.format(time=clock_time(due, turn.tz, turn.locale))
        return reminder_card(meeting, turn.tz, turn.locale, self._runner.clock(), notice=notice)

    async def add_standalone_link(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != EVENT:
            return not_yours(turn)
        if meeting.join_url:  # a second press: the link is already in the event
            return meeting_card(meeting, turn.tz, turn.locale)
        _ = translator(turn.locale).gettext

        async def add() -> Card:
            words = join_words(turn.locale)
            added = await self._meetings.add_standalone_link(who, meeting, turn.tz, words)
            notice = _("Teams link added to the event: everyone invited gets it in an update.")
            return meeting_card(added, turn.tz, turn.locale, notice=notice)

        return await self._runner.guarded(turn, "add a Teams link", add)

    # --- an event the bot did not create ---------------------------------------------------

    async def make_online(self, turn: TurnInfo, data: Data) -> Card:
        _ = translator(turn.locale).gettext
        if turn.requester is None:
            return error_card(_(NO_ACCOUNT), locale=turn.locale)
        requester, event_id = turn.requester, data.get("id")
        if not is_graph_id(event_id):  # card data names the event: never a path of its own
            return not_yours(turn)
        assert isinstance(event_id, str)
        query = ListQuery.from_data(data)

        async def make_online() -> Card:
            try:
                meeting = await self._meetings.make_online(requester, event_id, turn.tz)
            except TeamsLinkNotAllowed:
                return error_card(
                    _(
                        "Your calendar does not allow Teams meetings, so I could not "
                        "add a Teams link to this event."
                    ),
                    _("Ask your admin to allow Teams meetings in Outlook."),
                    locale=turn.locale,
                )
            if query is not None:  # "Add Teams link" on a list's row: its Join appears there
                done = RowChange(meeting, notice=(meeting.id, _("Teams link added.")))
                return await self._lists.card(turn, query, done)
            return meeting_card(meeting, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "make online", make_online)


def join_words(locale: str) -> JoinWords:
    """What an event's body and location say about its Teams link, in the organizer's language."""
    _ = translator(locale).gettext
    return JoinWords(_("Microsoft Teams meeting"), _("Join the meeting now"))
