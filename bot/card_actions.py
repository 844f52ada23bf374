"""Card buttons: every action's data is {"action": "<verb>", ...}, dispatched by one lookup.

The acting user is always the turn's sender; ids in card data only name a meeting, and the
service checks that meeting belongs to the sender before anything changes. A replayed click
or invoke finds the work already done (action keys, Graph idempotency) and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from bot.meetings.model import EVENT, ONLINE, Meeting
from bot.meetings.service import TeamsLinkNotAllowed
from bot.meetings.store import Storage
from bot.parsing import Command, CommandKind
from bot.roster import Roster
from bot.runner import NO_ACCOUNT, NOT_YOURS, CommandRunner, guarded
from bot.turn import TurnInfo
from bot.validation import FormError, parse_form, parse_reschedule
from cards import error_card, meeting_card, schedule_form
from cards.base import Card

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data, Roster], Awaitable[Card]]


class CardActions:
    def __init__(self, runner: CommandRunner, storage: Storage) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._storage = storage
        self._handlers: dict[str, Handler] = {
            "run": self._run,
            "open_form": self._open_form,
            "form_submit": self._form_submit,
            "show": self._show,
            "cancel": self._cancel,
            "cancel_confirmed": self._cancel_confirmed,
            "reschedule": self._reschedule,
            "add_to_calendar": self._add_to_calendar,
            "make_online": self._make_online,
            "create_standalone": self._create_standalone,
        }

    @property
    def verbs(self) -> frozenset[str]:
        return frozenset(self._handlers)

    async def handle(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        handler = self._handlers.get(str(data.get("action", "")))
        if handler is None:
            return error_card("That button is not one I know.", "Type **help** to start over.")
        return await handler(turn, data, roster)

    # --- helpers ---------------------------------------------------------------------------

    def _target(self, turn: TurnInfo, data: Data) -> Meeting | None:
        """The meeting a button names, if it is the sender's own bot-created meeting."""
        kind, graph_id = str(data.get("kind", "")), str(data.get("id", ""))
        if turn.requester is None or kind not in (ONLINE, EVENT) or not graph_id:
            return None
        return self._meetings.lookup(turn.requester, kind, graph_id)

    def _claim(self, turn: TurnInfo, data: Data) -> bool:
        """True the first time this user presses this button with these inputs."""
        assert turn.requester is not None
        payload = json.dumps(
            [turn.requester.tenant_id, turn.requester.user_id, dict(data)],
            sort_keys=True,
            default=str,
        )
        return self._storage.claim_action(hashlib.sha256(payload.encode()).hexdigest())

    # --- the verbs -------------------------------------------------------------------------

    async def _run(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        text = data.get("text")
        if not isinstance(text, str):
            return error_card("That button carried no command.")
        return await self._runner.handle_text(_with_text(turn, text), roster)

    async def _open_form(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        return schedule_form()

    async def _show(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        meeting = self._target(turn, data)
        if meeting is None:
            return error_card(NOT_YOURS)
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _cancel(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        meeting = self._target(turn, data)
        if meeting is None:
            return error_card(NOT_YOURS)
        return meeting_card(meeting, turn.tz, turn.locale, confirm_cancel=not meeting.cancelled)

    async def _cancel_confirmed(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        meeting = self._target(turn, data)
        if meeting is None or turn.requester is None:
            return error_card(NOT_YOURS)
        if meeting.cancelled:  # a double click or a redelivered invoke
            return meeting_card(meeting, turn.tz, turn.locale)
        requester = turn.requester

        async def cancel() -> Card:
            done = await self._meetings.cancel(requester, meeting.kind, meeting.id)
            return meeting_card(done, turn.tz, turn.locale)

        return await guarded(turn, "cancel", cancel)

    async def _reschedule(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        meeting = self._target(turn, data)
        if meeting is None or turn.requester is None:
            return error_card(NOT_YOURS)
        try:
            start, end = parse_reschedule(data, turn.tz, self._runner.clock())
        except FormError as exc:
            return meeting_card(meeting, turn.tz, turn.locale, notice=str(exc))
        if (start, end) == (meeting.start, meeting.end) or not self._claim(turn, data):
            return meeting_card(meeting, turn.tz, turn.locale)
        requester = turn.requester

        async def move() -> Card:
            moved = await self._meetings.reschedule(
                requester, meeting.kind, meeting.id, start, end, turn.tz
            )
            return meeting_card(moved, turn.tz, turn.locale)

        return await guarded(turn, "reschedule", move)

    async def _add_to_calendar(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        meeting = self._target(turn, data)
        if meeting is None or meeting.kind != ONLINE or turn.requester is None:
            return error_card(NOT_YOURS)
        requester = turn.requester

        async def add() -> Card:
            await self._meetings.add_to_calendar(requester, meeting, turn.tz)
            return meeting_card(
                meeting,
                turn.tz,
                turn.locale,
                notice="Added to your calendar, with the same join link.",
            )

        return await guarded(turn, "add to calendar", add)

    async def _make_online(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
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

        return await guarded(turn, "make online", make_online)

    async def _create_standalone(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
        try:
            start = datetime.fromisoformat(str(data.get("start")))
            end = datetime.fromisoformat(str(data.get("end")))
        except ValueError:
            return error_card("That button's time could not be read.", "Please type the command.")
        command = Command(
            CommandKind.MEETING, str(data.get("subject") or "Teams meeting"), start, end
        )
        return await self._runner.run(command, _same_card(turn), roster)

    async def _form_submit(self, turn: TurnInfo, data: Data, roster: Roster) -> Card:
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
        return await self._runner.run(command, _same_card(turn), roster)


def _with_text(turn: TurnInfo, text: str) -> TurnInfo:
    return TurnInfo(**{**turn.__dict__, "text": text})


def _same_card(turn: TurnInfo) -> TurnInfo:
    """Key idempotency on the card pressed, so a double click creates one meeting, not two."""
    if not turn.reply_to_id:
        return turn
    return TurnInfo(**{**turn.__dict__, "activity_id": f"card:{turn.reply_to_id}"})
