"""Card buttons: each Verb (cards/verbs.py) beside its handler, dispatched by one lookup.

The acting user is always the turn's sender; ids in card data only name a meeting, and
`MeetingService.owned` checks it is the sender's own before anything changes. A replayed click
or invoke finds the work already done (action keys, Graph idempotency) and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.failures import NOT_YOURS
from bot.conversation.forms import FormError, parse_form, parse_reschedule
from bot.conversation.planning import Planning
from bot.conversation.polls import PollVerbs
from bot.conversation.turn import TurnInfo
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.service import NotBotMeeting, TeamsLinkNotAllowed
from bot.meetings.store import Storage
from bot.parsing import Command, CommandKind
from cards import Verb, error_card, meeting_card, schedule_form
from cards.base import Card

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data], Awaitable[Card]]
MeetingHandler = Callable[[TurnInfo, Requester, Meeting, Data], Awaitable[Card]]


class CardVerbs:
    """The handler of every Verb; `handle` answers a pressed button with a card."""

    def __init__(
        self, runner: CommandRunner, storage: Storage, planning: Planning, polls: PollVerbs
    ) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._storage = storage
        self._planning = planning
        on_meeting = self._on_meeting
        guard = self._guarded
        self._handlers: dict[Verb, Handler] = {
            Verb.RUN: self._run,
            Verb.OPEN_FORM: self._open_form,
            Verb.SUBMIT_FORM: self._submit_form,
            Verb.SHOW: on_meeting(self._show),
            Verb.ASK_CANCEL: on_meeting(self._ask_cancel),
            Verb.CANCEL: on_meeting(self._cancel),
            Verb.RESCHEDULE: on_meeting(self._reschedule),
            Verb.ADD_TO_CALENDAR: on_meeting(self._add_to_calendar),
            Verb.MAKE_ONLINE: self._make_online,
            Verb.CREATE_STANDALONE: self._create_standalone,
            Verb.BOOK_SLOT: guard("book a time", planning.book_slot),
            Verb.SET_OPTIONS: on_meeting(self._set_options),
            Verb.POLL_VOTE: guard("vote", polls.vote),
            Verb.POLL_BOOK: guard("book the poll's time", polls.book),
            Verb.POLL_REFRESH: guard("show the poll", polls.refresh),
        }

    async def handle(self, turn: TurnInfo, data: Data) -> Card:
        try:
            handler = self._handlers[Verb(str(data.get("action", "")))]
        except ValueError:
            return error_card("That button is not one I know.", "Type **help** to start over.")
        return await handler(turn, data)

    def _on_meeting(self, handler: MeetingHandler) -> Handler:
        """The button names one of the sender's own meetings (or one meeting of their own
        series, read from Graph): look it up once, or refuse."""

        async def owned(turn: TurnInfo, data: Data) -> Card:
            kind, graph_id = str(data.get("kind", "")), str(data.get("id", ""))
            series = str(data.get("series") or "")
            who = turn.requester
            if who is None or kind not in (ONLINE, EVENT) or not graph_id:
                return error_card(NOT_YOURS)
            try:
                meeting = self._meetings.owned(who, kind, series or graph_id)
            except NotBotMeeting:
                return error_card(NOT_YOURS)
            if not series or series == graph_id:
                return await handler(turn, who, meeting, data)

            async def one_of_series() -> Card:
                found = await self._meetings.occurrence(who, meeting, graph_id, turn.tz)
                return await handler(turn, who, found, data)

            return await self._runner.guarded(turn, "meeting", one_of_series)

        return owned

    def _guarded(self, what: str, handler: Handler) -> Handler:
        """A handler whose Graph failures become words (bot/conversation/failures.py)."""

        async def guarded(turn: TurnInfo, data: Data) -> Card:
            return await self._runner.guarded(turn, what, lambda: handler(turn, data))

        return guarded

    def _claim(self, requester: Requester, data: Data) -> bool:
        """True the first time this user presses this button with these inputs."""
        payload = json.dumps(
            [requester.tenant_id, requester.user_id, dict(data)], sort_keys=True, default=str
        )
        return self._storage.claim_action(hashlib.sha256(payload.encode()).hexdigest())

    # --- buttons that run commands ---------------------------------------------------------

    async def _run(self, turn: TurnInfo, data: Data) -> Card:
        text = data.get("text")
        if not isinstance(text, str):
            return error_card("That button carried no command.")
        return await self._runner.handle_text(turn.with_text(text))

    async def _open_form(self, turn: TurnInfo, data: Data) -> Card:
        return schedule_form()

    async def _submit_form(self, turn: TurnInfo, data: Data) -> Card:
        values = {k: str(v) for k, v in data.items() if k != "action"}
        try:
            form = parse_form(values, turn.tz, self._runner.clock())
        except FormError as exc:
            return schedule_form(values, exc.fields)
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        kind = CommandKind.SCHEDULE if form.invite else CommandKind.MEETING
        command = Command(
            kind, form.subject, form.start, form.start + form.duration, attendees=form.attendees
        )
        return await self._runner.run(command, _same_card(turn))

    async def _create_standalone(self, turn: TurnInfo, data: Data) -> Card:
        try:
            start = datetime.fromisoformat(str(data.get("start")))
            end = datetime.fromisoformat(str(data.get("end")))
        except ValueError:
            return error_card("That button's time could not be read.", "Please type the command.")
        command = Command(
            CommandKind.MEETING, str(data.get("subject") or "Teams meeting"), start, end
        )
        return await self._runner.run(command, _same_card(turn))

    # --- buttons on a meeting card: ask to cancel, cancel, keep, move, add to calendar ------

    async def _show(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _ask_cancel(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        return meeting_card(meeting, turn.tz, turn.locale, confirm_cancel=not meeting.cancelled)

    async def _cancel(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        """Cancel; for a series, `scope` "one" (this meeting) or "series" (all of them)."""
        if meeting.cancelled:  # a double click or a redelivered invoke
            return meeting_card(meeting, turn.tz, turn.locale)
        only_one = data.get("scope") == "one"

        async def cancel() -> Card:
            target = meeting
            if only_one and meeting.recurrence and not meeting.series_id:
                target = await self._meetings.first_occurrence(who, meeting, turn.tz)
            done = await self._meetings.cancel(who, target, series=not only_one)
            return meeting_card(done, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "cancel", cancel)

    async def _set_options(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if not self._claim(who, data):  # a double click: the options are already saved
            return meeting_card(meeting, turn.tz, turn.locale)

        async def save() -> Card:
            return await self._planning.set_options(turn, who, meeting, data)

        return await self._runner.guarded(turn, "meeting options", save)

    async def _reschedule(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        try:
            start, end = parse_reschedule(data, turn.tz, self._runner.clock())
        except FormError as exc:
            return meeting_card(meeting, turn.tz, turn.locale, notice=str(exc))
        if (start, end) == (meeting.start, meeting.end) or not self._claim(who, data):
            return meeting_card(meeting, turn.tz, turn.locale)

        async def move() -> Card:
            moved = await self._meetings.reschedule(who, meeting, start, end, turn.tz)
            return meeting_card(moved, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "reschedule", move)

    async def _add_to_calendar(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != ONLINE:
            return error_card(NOT_YOURS)

        async def add() -> Card:
            await self._meetings.add_to_calendar(who, meeting, turn.tz)
            notice = "Added to your calendar, with the same join link."
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)

        return await self._runner.guarded(turn, "add to calendar", add)

    # --- an event the bot did not create ---------------------------------------------------

    async def _make_online(self, turn: TurnInfo, data: Data) -> Card:
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        requester, event_id = turn.requester, str(data.get("id", ""))

        async def make_online() -> Card:
            try:
                meeting = await self._meetings.make_online(requester, event_id, turn.tz)
            except TeamsLinkNotAllowed:
                return error_card(
                    "Your calendar does not allow Teams meetings, so I could not "
                    "add a Teams link to this event.",
                    "Ask your admin to allow Teams meetings in Outlook.",
                )
            return meeting_card(meeting, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "make online", make_online)


def _same_card(turn: TurnInfo) -> TurnInfo:
    """Key idempotency on the card pressed, so a double click creates one meeting, not two."""
    if not turn.reply_to_id:
        return turn
    return replace(turn, activity_id=f"card:{turn.reply_to_id}")
