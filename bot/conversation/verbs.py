"""Card buttons: each Verb (cards/verbs.py) beside its handler, dispatched by one lookup.

The acting user is always the turn's sender; ids in card data only name a meeting, and
`MeetingService.owned` checks it is the sender's own before anything changes. A replayed click
or invoke finds the work already done (action keys, Graph idempotency) and changes nothing; a
press whose Graph call failed releases its action key, so the same press can be retried.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.failures import NOT_YOURS
from bot.conversation.forms import FormError, parse_form, parse_reschedule
from bot.conversation.listing import ListQuery, RowChange
from bot.conversation.turn import TurnInfo
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.service import NotBotMeeting, TeamsLinkNotAllowed
from bot.parsing import Command, CommandKind
from bot.storage import ActionClaims
from cards import Verb, error_card, meeting_card, schedule_form
from cards.base import Card

log = logging.getLogger(__name__)

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data], Awaitable[Card]]
MeetingHandler = Callable[[TurnInfo, Requester, Meeting, Data], Awaitable[Card]]


class CardVerbs:
    """The handler of every Verb; `handle` answers a pressed button with a card."""

    def __init__(self, runner: CommandRunner, storage: ActionClaims) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._lists = runner.lists
        self._storage = storage
        on_meeting = self._on_meeting
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
            Verb.LIST_PAGE: self._list_page,
        }

    async def handle(self, turn: TurnInfo, data: Data) -> Card:
        try:
            handler = self._handlers[Verb(str(data.get("action", "")))]
        except ValueError:
            return error_card("That button is not one I know.", "Type **help** to start over.")
        return await handler(turn, data)

    def _on_meeting(self, handler: MeetingHandler) -> Handler:
        """The button names one of the sender's own meetings: look it up once, or refuse."""

        async def owned(turn: TurnInfo, data: Data) -> Card:
            kind, graph_id = str(data.get("kind", "")), str(data.get("id", ""))
            if turn.requester is None or kind not in (ONLINE, EVENT) or not graph_id:
                return error_card(NOT_YOURS)
            try:
                meeting = await self._meetings.owned(turn.requester, kind, graph_id)
            except NotBotMeeting:
                return error_card(NOT_YOURS)
            return await handler(turn, turn.requester, meeting, data)

        return owned

    async def _once(
        self, turn: TurnInfo, what: str, data: Data, work: Callable[[], Awaitable[Card]]
    ) -> Card | None:
        """`work`'s card the first time this user presses this button with these inputs, or
        None when it was pressed before. A failed press releases its claim, so it can be
        retried (the database holds the claim: a press on another replica counts too)."""
        assert turn.requester is not None
        key = _action_key(turn.requester, data)
        if not await self._storage.claim_action(key):
            return None

        async def claimed() -> Card:
            try:
                return await work()
            except Exception:
                await self._release(key)
                raise

        return await self._runner.guarded(turn, what, claimed)

    async def _release(self, key: str) -> None:
        try:
            await self._storage.release_action(key)
        except Exception:  # the press stays claimed; the user is told about the first failure
            log.exception("Could not release card action %s after its failure", key[:12])

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
        if (query := ListQuery.from_data(data)) is not None:  # "Keep it" on a list's row
            return await self._list(turn, query, RowChange(meeting if meeting.cancelled else None))
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _ask_cancel(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if (query := ListQuery.from_data(data)) is not None:
            asked = RowChange(meeting, "") if meeting.cancelled else RowChange(None, meeting.id)
            return await self._list(turn, query, asked)
        return meeting_card(meeting, turn.tz, turn.locale, confirm_cancel=not meeting.cancelled)

    async def _cancel(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        query = ListQuery.from_data(data)

        async def cancel() -> Card:
            done = meeting
            if not meeting.cancelled:  # else a double click or a redelivered invoke
                done = await self._meetings.cancel(who, meeting)
            if query is not None:
                return await self._lists.card(turn, query, RowChange(done))
            return meeting_card(done, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "cancel", cancel)

    async def _reschedule(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        try:
            start, end = parse_reschedule(data, turn.tz, self._runner.clock())
        except FormError as exc:
            return meeting_card(meeting, turn.tz, turn.locale, problem=str(exc))
        if (start, end) == (meeting.start, meeting.end):
            return meeting_card(meeting, turn.tz, turn.locale)

        async def move() -> Card:
            moved = await self._meetings.reschedule(who, meeting, start, end, turn.tz)
            return meeting_card(moved, turn.tz, turn.locale)

        done = await self._once(turn, "reschedule", data, move)
        return done if done is not None else meeting_card(meeting, turn.tz, turn.locale)

    async def _add_to_calendar(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != ONLINE:
            return error_card(NOT_YOURS)

        if meeting.calendar_copy:  # an older copy of the card, or a double click
            notice = "It is already in your calendar."
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)

        async def add() -> Card:
            copied = await self._meetings.add_to_calendar(who, meeting, turn.tz)
            notice = "Added to your calendar, with the same join link."
            return meeting_card(copied, turn.tz, turn.locale, notice=notice)

        return await self._runner.guarded(turn, "add to calendar", add)

    # --- an event the bot did not create ---------------------------------------------------

    async def _make_online(self, turn: TurnInfo, data: Data) -> Card:
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        requester, event_id = turn.requester, str(data.get("id", ""))
        query = ListQuery.from_data(data)

        async def make_online() -> Card:
            try:
                meeting = await self._meetings.make_online(requester, event_id, turn.tz)
            except TeamsLinkNotAllowed:
                return error_card(
                    "Your calendar does not allow Teams meetings, so I could not "
                    "add a Teams link to this event.",
                    "Ask your admin to allow Teams meetings in Outlook.",
                )
            if query is not None:  # "Add Teams link" on a list's row
                done = RowChange(meeting, notice=(meeting.id, "Teams link added."))
                return await self._lists.card(turn, query, done)
            return meeting_card(meeting, turn.tz, turn.locale)

        return await self._runner.guarded(turn, "make online", make_online)

    # --- a list's pages --------------------------------------------------------------------

    async def _list_page(self, turn: TurnInfo, data: Data) -> Card:
        query = ListQuery.from_data(data)
        if query is None:
            return error_card("That list could not be read.", "Type **my meetings** again.")
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        return await self._list(turn, query)

    async def _list(
        self, turn: TurnInfo, query: ListQuery, change: RowChange | None = None
    ) -> Card:
        """The list the button was on, read afresh (Graph-backed: failures in words)."""
        return await self._runner.guarded(
            turn, "list", lambda: self._lists.card(turn, query, change)
        )


def _action_key(requester: Requester, data: Data) -> str:
    payload = json.dumps(
        [requester.tenant_id, requester.user_id, dict(data)], sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _same_card(turn: TurnInfo) -> TurnInfo:
    """Key idempotency on the card pressed, so a double click creates one meeting, not two."""
    if not turn.reply_to_id:
        return turn
    return replace(turn, activity_id=f"card:{turn.reply_to_id}")
