"""Card buttons: each Verb (cards/verbs.py) beside its handler, dispatched by one lookup.

The acting user is always the turn's sender; ids in card data only name a meeting, and
`MeetingService.owned` checks it is the sender's own before anything changes; ids that cannot
be Graph's never reach storage or Graph. A replayed click or invoke shows the work already done
(the recorded meeting, the create's intent, Graph's idempotency) and changes nothing; presses of
one button run one at a time (a claim in the database), and a press whose Graph call failed
leaves nothing claimed, so the same press can be retried.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.conversation.attendees import resolve_attendees
from bot.conversation.commands import NO_ACCOUNT, CommandRunner
from bot.conversation.failures import NOT_YOURS
from bot.conversation.forms import FormError, parse_form, parse_reschedule
from bot.conversation.planning import Planning
from bot.conversation.polls import PollVerbs
from bot.conversation.turn import TurnInfo
from bot.graph.ids import is_graph_id
from bot.language import message_language
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.occurrences import first_occurrence, occurrence
from bot.meetings.service import TeamsLinkNotAllowed
from bot.parsing import Command, CommandKind
from bot.storage import ActionClaims
from cards import Verb, error_card, meeting_card, schedule_form
from cards.base import Card
from cards.reminder import clock_time, reminder_card

log = logging.getLogger(__name__)

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data], Awaitable[Card]]
MeetingHandler = Callable[[TurnInfo, Requester, Meeting, Data], Awaitable[Card]]
Settled = Callable[[], Awaitable[Card | None]]
CLAIM_POLL_SECONDS = 0.1
STILL_RUNNING = "Your earlier press of this button is still being carried out."


class CardVerbs:
    """The handler of every Verb; `handle` answers a pressed button with a card."""

    def __init__(
        self,
        runner: CommandRunner,
        storage: ActionClaims,
        *,
        claim_wait: float = 60.0,
        planning: Planning | None = None,
        polls: PollVerbs | None = None,
    ) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._storage = storage
        self._claim_wait = claim_wait
        self._planning = planning
        on_meeting, one_at_a_time = self._on_meeting, self._one_at_a_time
        self._handlers: dict[Verb, Handler] = {
            Verb.RUN: self._run,
            Verb.OPEN_FORM: self._open_form,
            Verb.SUBMIT_FORM: one_at_a_time(self._submit_form),
            Verb.SHOW: on_meeting(self._show),
            Verb.ASK_CANCEL: on_meeting(self._ask_cancel),
            Verb.CANCEL: on_meeting(self._cancel),
            Verb.RESCHEDULE: on_meeting(self._reschedule),
            Verb.ADD_TO_CALENDAR: one_at_a_time(on_meeting(self._add_to_calendar)),
            Verb.MAKE_ONLINE: one_at_a_time(self._make_online),
            Verb.CREATE_STANDALONE: one_at_a_time(self._create_standalone),
            Verb.SNOOZE: one_at_a_time(on_meeting(self._snooze)),
            Verb.ADD_STANDALONE_LINK: one_at_a_time(on_meeting(self._add_standalone_link)),
        }
        if planning is not None:  # find a time, meeting options (bot/conversation/planning.py)
            self._handlers[Verb.BOOK_SLOT] = one_at_a_time(planning.book_slot)
            self._handlers[Verb.SET_OPTIONS] = one_at_a_time(on_meeting(planning.set_options))
        if polls is not None:  # group-chat polls (bot/conversation/polls.py)
            self._handlers[Verb.POLL_VOTE] = self._guarded("vote", polls.vote)
            self._handlers[Verb.POLL_BOOK] = self._guarded("book the poll's time", polls.book)
            self._handlers[Verb.POLL_REFRESH] = self._guarded("show the poll", polls.refresh)

    async def handle(self, turn: TurnInfo, data: Data) -> Card:
        try:
            handler = self._handlers[Verb(str(data.get("action", "")))]
        except ValueError:
            return error_card("That button is not one I know.", "Type **help** to start over.")
        forged = [k for k in ("id", "series") if k in data and not is_graph_id(data[k])]
        if forged:  # never a path, never stored
            return error_card(NOT_YOURS)
        return await handler(turn, data)

    def _on_meeting(self, handler: MeetingHandler) -> Handler:
        """The button names one of the sender's own meetings: look it up once, or refuse (an
        id that cannot be Graph's is refused before storage or Graph sees it)."""

        async def owned(turn: TurnInfo, data: Data) -> Card:
            kind, graph_id = str(data.get("kind", "")), data.get("id")
            requester = turn.requester
            if requester is None or kind not in (ONLINE, EVENT) or not is_graph_id(graph_id):
                return error_card(NOT_YOURS)

            async def look_up() -> Card:
                series = str(data.get("series") or "")  # one meeting of the sender's series
                meeting = await self._meetings.owned(requester, kind, series or str(graph_id))
                if series and series != graph_id:
                    user = self._meetings.user_path(requester)
                    meeting = await occurrence(
                        self._meetings.graph,
                        user,
                        requester.user_id,
                        meeting,
                        str(graph_id),
                        turn.tz,
                    )
                return await handler(turn, requester, meeting, data)

            return await self._runner.guarded(turn, turn.verb, look_up)

        return owned

    def _guarded(self, what: str, handler: Handler) -> Handler:
        """A handler whose Graph failures become words (bot/conversation/failures.py)."""

        async def guarded(turn: TurnInfo, data: Data) -> Card:
            return await self._runner.guarded(turn, what, lambda: handler(turn, data))

        return guarded

    def _one_at_a_time(self, handler: Handler) -> Handler:
        """Presses of this button with the same data run one after the other; each after the
        first finds the work done (the create's intent, the event already online) and makes
        no second Graph change."""

        async def serialised(turn: TurnInfo, data: Data) -> Card:
            if turn.requester is None:
                return await handler(turn, data)

            async def in_turn() -> Card:
                return await self._exclusively(turn, data, _not_yet, lambda: handler(turn, data))

            return await self._runner.guarded(turn, turn.verb, in_turn)

        return serialised

    async def _exclusively(
        self, turn: TurnInfo, data: Data, settled: Settled, work: Callable[[], Awaitable[Card]]
    ) -> Card:
        """`work`'s card, run by one press at a time: the same button pressed again with the
        same inputs (a double click, a redelivery, another replica) waits for the first press
        and shows what it did (`settled`: the card once done, else None). The claim is a lock
        in the database, released when the work ends, so a failed press can be retried."""
        assert turn.requester is not None
        key = _action_key(turn.requester, data)
        waited = 0.0
        while (done := await settled()) is None:
            if await self._storage.claim_action(key):
                try:
                    return await settled() or await work()
                finally:
                    await self._release(key)
            if waited >= self._claim_wait:
                return error_card(STILL_RUNNING, "Try again in a minute.")
            await asyncio.sleep(CLAIM_POLL_SECONDS)
            waited += CLAIM_POLL_SECONDS
        return done

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
        people, problems = await resolve_attendees(
            form.attendees, False, turn.roster, directory=self._meetings
        )
        if problems:  # name who could not be found beside the field; keep everything typed
            return schedule_form(values, {"attendees": " ".join(problems)})
        end = form.start + form.duration
        same_card = _same_card(turn)
        if not form.invite:
            command = Command(CommandKind.MEETING, form.subject, form.start, end)
            return await self._runner.run(command, same_card)
        command = Command(CommandKind.SCHEDULE, form.subject, form.start, end)
        return await self._runner.guarded(
            same_card, "schedule", lambda: self._runner.schedule_with(command, same_card, people)
        )

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
        async def cancelled() -> Card | None:  # a double click or a redelivered invoke
            now = await self._meetings.lookup(who, meeting.kind, meeting.id)
            return meeting_card(now, turn.tz, turn.locale) if now and now.cancelled else None

        only_one = data.get("scope") == "one"  # a series: this meeting, or (else) all of them

        async def cancel() -> Card:
            target = meeting
            if only_one and meeting.recurrence and not meeting.series_id:
                user = self._meetings.user_path(who)
                graph = self._meetings.graph
                target = await first_occurrence(graph, user, who.user_id, meeting, turn.tz)
            done = await self._meetings.cancel(who, target, series=not only_one)
            return meeting_card(done, turn.tz, turn.locale)

        return await self._exclusively(turn, data, cancelled, cancel)

    async def _reschedule(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        try:
            start, end = parse_reschedule(data, turn.tz, self._runner.clock())
        except FormError as exc:
            return meeting_card(meeting, turn.tz, turn.locale, notice=str(exc))

        async def moved_there() -> Card | None:  # a double click, or the other press finished
            now = await self._meetings.lookup(who, meeting.kind, meeting.id)
            if now is not None and (now.cancelled or (now.start, now.end) == (start, end)):
                return meeting_card(now, turn.tz, turn.locale)
            return None

        async def move() -> Card:
            moved = await self._meetings.reschedule(who, meeting, start, end, turn.tz)
            return meeting_card(moved, turn.tz, turn.locale)

        return await self._exclusively(turn, data, moved_there, move)

    async def _add_to_calendar(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != ONLINE:
            return error_card(NOT_YOURS)

        async def add() -> Card:
            await self._meetings.add_to_calendar(who, meeting, turn.tz)
            notice = "Added to your calendar, with the same join link."
            return meeting_card(meeting, turn.tz, turn.locale, notice=notice)

        return await add()  # once per meeting: its intent and Graph's transactionId

    async def _snooze(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        """A reminder's "Snooze 5 min": the same reminder again in five minutes (once per card,
        however often it is pressed, on whichever replica)."""
        notices = self._runner.notices
        if notices is None or meeting.cancelled:
            return meeting_card(meeting, turn.tz, turn.locale)
        due = await notices.reminders.snooze(who, meeting, str(data.get("at", "")))
        words = message_language(turn.locale).messages
        notice = words["snoozed"].format(time=clock_time(due, turn.tz, turn.locale))
        now = self._runner.clock()
        return reminder_card(meeting, turn.tz, turn.locale, words, now, notice=notice)

    async def _add_standalone_link(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != EVENT:
            return error_card(NOT_YOURS)
        if meeting.join_url:  # a second press: the link is already in the event
            return meeting_card(meeting, turn.tz, turn.locale)

        async def add() -> Card:
            added = await self._meetings.add_standalone_link(who, meeting, turn.tz)
            notice = "Teams link added to the event: everyone invited gets it in an update."
            return meeting_card(added, turn.tz, turn.locale, notice=notice)

        return await self._runner.guarded(turn, "add a Teams link", add)

    # --- an event the bot did not create ---------------------------------------------------

    async def _make_online(self, turn: TurnInfo, data: Data) -> Card:
        if turn.requester is None:
            return error_card(NO_ACCOUNT)
        requester, event_id = turn.requester, data.get("id")
        if not is_graph_id(event_id):  # card data names the event: never a path of its own
            return error_card(NOT_YOURS)
        assert isinstance(event_id, str)

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


async def _not_yet() -> Card | None:
    return None


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
