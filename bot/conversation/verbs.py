"""Card buttons: each Verb (cards/verbs.py) beside its handler, dispatched by one lookup.

The acting user is always the turn's sender; ids in card data only name a meeting, and
`MeetingService.owned` checks it is the sender's own before anything changes; ids that cannot
be Graph's never reach storage or Graph. A replayed click or invoke shows the work already done
(the recorded meeting, the create's intent, Graph's idempotency) and changes nothing; presses of
one button run one at a time (a claim in the database), and a press whose Graph call failed
leaves nothing claimed, so the same press can be retried. A button whose data names a locale
(a card answered in the language of its text) is answered in that language.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.conversation.activity import known_locale
from bot.conversation.attendees import resolve_attendees
from bot.conversation.commands import NO_ACCOUNT, CommandRunner, cancel_note
from bot.conversation.confirm import asked_by, change, confirmed, not_asker, unreadable
from bot.conversation.failures import not_yours
from bot.conversation.forms import FormError, parse_form, parse_reschedule
from bot.conversation.listing import ListQuery, RowChange
from bot.conversation.planning import Planning
from bot.conversation.polls import PollVerbs
from bot.conversation.presses import OneAtATime, not_yet, same_card
from bot.conversation.turn import TurnInfo
from bot.graph.ids import is_graph_id
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.occurrences import first_occurrence, occurrence
from bot.meetings.service import TeamsLinkNotAllowed
from bot.parsing import Command, CommandKind
from bot.storage import ActionClaims
from cards import Verb, error_card, meeting_card, schedule_form
from cards.actions import in_language
from cards.base import Card
from cards.i18n import translator
from cards.reminder import clock_time, reminder_card

log = logging.getLogger(__name__)

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data], Awaitable[Card]]
MeetingHandler = Callable[[TurnInfo, Requester, Meeting, Data], Awaitable[Card]]


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
        self._lists = runner.lists
        self._exclusively = OneAtATime(storage, claim_wait)
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
            Verb.CONFIRM: one_at_a_time(self._confirm),
            Verb.CHANGE: self._change,
            Verb.ADD_STANDALONE_LINK: one_at_a_time(on_meeting(self._add_standalone_link)),
            Verb.LIST_PAGE: self._list_page,
        }
        if planning is not None:  # find a time, meeting options (bot/conversation/planning.py)
            self._handlers[Verb.BOOK_SLOT] = one_at_a_time(planning.book_slot)
            self._handlers[Verb.SET_OPTIONS] = one_at_a_time(on_meeting(planning.set_options))
        if polls is not None:  # group-chat polls (bot/conversation/polls.py)
            self._handlers[Verb.POLL_VOTE] = self._guarded("vote", polls.vote)
            self._handlers[Verb.POLL_BOOK] = self._guarded("book the poll's time", polls.book)
            self._handlers[Verb.POLL_REFRESH] = self._guarded("show the poll", polls.refresh)

    async def handle(self, turn: TurnInfo, data: Data) -> Card:
        locale = data.get("locale")
        if isinstance(locale, str) and known_locale(locale) and locale != turn.locale:
            return in_language(await self._handle(replace(turn, locale=locale), data), locale)
        return await self._handle(turn, data)

    async def _handle(self, turn: TurnInfo, data: Data) -> Card:
        try:
            handler = self._handlers[Verb(str(data.get("action", "")))]
        except ValueError:
            _ = translator(turn.locale).gettext
            unknown, todo = _("That button is not one I know."), _("Type **help** to start over.")
            return error_card(unknown, todo, locale=turn.locale)
        if any(k in data and not is_graph_id(data[k]) for k in ("id", "series")):
            return not_yours(turn)  # forged: never a path, never stored
        return await handler(turn, data)

    def _on_meeting(self, handler: MeetingHandler) -> Handler:
        """The button names one of the sender's own meetings: look it up once, or refuse (an
        id that cannot be Graph's is refused before storage or Graph sees it)."""

        async def owned(turn: TurnInfo, data: Data) -> Card:
            kind, graph_id = str(data.get("kind", "")), data.get("id")
            requester = turn.requester
            if requester is None or kind not in (ONLINE, EVENT) or not is_graph_id(graph_id):
                return not_yours(turn)

            async def look_up() -> Card:
                series = str(data.get("series") or "")  # one meeting of the sender's series
                meeting = await self._meetings.owned(requester, kind, series or str(graph_id))
                if series and series != graph_id:
                    user = self._meetings.user_path(requester)
                    graph, who = self._meetings.graph, requester.user_id
                    meeting = await occurrence(graph, user, who, meeting, str(graph_id), turn.tz)
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
                return await self._exclusively(turn, data, not_yet, lambda: handler(turn, data))

            return await self._runner.guarded(turn, turn.verb, in_turn)

        return serialised

    # --- buttons that run commands ---------------------------------------------------------

    async def _run(self, turn: TurnInfo, data: Data) -> Card:
        text = data.get("text")
        if not isinstance(text, str):
            _ = translator(turn.locale).gettext
            return error_card(_("That button carried no command."), locale=turn.locale)
        return await self._runner.handle_text(turn.with_text(text))

    async def _open_form(self, turn: TurnInfo, data: Data) -> Card:
        return schedule_form(locale=turn.locale)

    async def _submit_form(self, turn: TurnInfo, data: Data) -> Card:
        _ = translator(turn.locale).gettext
        values = {k: str(v) for k, v in data.items() if k not in ("action", "locale")}
        try:
            form = parse_form(values, turn.tz, self._runner.clock())
        except FormError as exc:
            return schedule_form(values, exc.words(_), locale=turn.locale)
        if turn.requester is None:
            return error_card(_(NO_ACCOUNT), locale=turn.locale)
        people, problems = await resolve_attendees(
            form.attendees, False, turn.roster, directory=self._meetings, locale=turn.locale
        )
        if problems:  # name who could not be found beside the field; keep everything typed
            errors = {"attendees": " ".join(problems)}
            return schedule_form(values, errors, locale=turn.locale)
        end = form.start + form.duration
        on_card = same_card(turn)
        if not form.invite:
            command = Command(CommandKind.MEETING, form.subject, form.start, end)
            return await self._runner.run(command, on_card)
        command = Command(CommandKind.SCHEDULE, form.subject, form.start, end)
        return await self._runner.guarded(
            on_card, "schedule", lambda: self._runner.schedule_with(command, on_card, people)
        )

    async def _create_standalone(self, turn: TurnInfo, data: Data) -> Card:
        try:
            start = datetime.fromisoformat(str(data.get("start")))
            end = datetime.fromisoformat(str(data.get("end")))
        except ValueError:
            return unreadable(turn)
        subject = str(data.get("subject") or translator(turn.locale).gettext("Teams meeting"))
        command = Command(CommandKind.MEETING, subject, start, end)
        return await self._runner.run(command, same_card(turn))

    # --- a confirmation card: do what an unsure request was read as, or correct it ----------

    async def _confirm(self, turn: TurnInfo, data: Data) -> Card:
        command = confirmed(data, self._runner.clock())
        if command is None or not asked_by(data, turn):
            return unreadable(turn) if command is None else not_asker(turn)
        return await self._runner.run(command, same_card(turn))

    async def _change(self, turn: TurnInfo, data: Data) -> Card:
        return change(turn, data, self._runner.clock())

    # --- buttons on a meeting card: ask to cancel, cancel, keep, move, add to calendar ------

    async def _show(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        if (query := ListQuery.from_data(data)) is not None:  # "Keep it" on a list's row
            kept = RowChange(meeting if meeting.cancelled else None)
            return await self._lists.guarded(turn, query, self._runner, kept)
        return meeting_card(meeting, turn.tz, turn.locale)

    async def _ask_cancel(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if (query := ListQuery.from_data(data)) is not None:  # the question goes in its row
            asked = RowChange(meeting, "") if meeting.cancelled else RowChange(None, meeting.id)
            return await self._lists.guarded(turn, query, self._runner, asked)
        return meeting_card(meeting, turn.tz, turn.locale, confirm_cancel=not meeting.cancelled)

    async def _cancel(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
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

    async def _reschedule(
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
            moved = await self._meetings.reschedule(who, meeting, start, end, turn.tz)
            return meeting_card(moved, turn.tz, turn.locale)

        return await self._exclusively(turn, data, moved_there, move)

    async def _add_to_calendar(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != ONLINE:
            return not_yours(turn)
        # Once per meeting (its intent and Graph's transactionId); a double click or an older
        # copy of the card finds the copy made and says the same.
        copied = await self._meetings.add_to_calendar(who, meeting, turn.tz)
        notice = translator(turn.locale).gettext("Added to your calendar, with the same join link.")
        return meeting_card(copied, turn.tz, turn.locale, notice=notice)

    async def _snooze(self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data) -> Card:
        """A reminder's "Snooze 5 min": the same reminder again in five minutes (once per card,
        however often it is pressed, on whichever replica)."""
        notices = self._runner.notices
        if notices is None or meeting.cancelled:
            return meeting_card(meeting, turn.tz, turn.locale)
        due = await notices.reminders.snooze(who, meeting, str(data.get("at", "")))
        again = translator(turn.locale).gettext("I'll remind you again at {time}.")
        notice = again.format(time=clock_time(due, turn.tz, turn.locale))
        return reminder_card(meeting, turn.tz, turn.locale, self._runner.clock(), notice=notice)

    async def _add_standalone_link(
        self, turn: TurnInfo, who: Requester, meeting: Meeting, data: Data
    ) -> Card:
        if meeting.kind != EVENT:
            return not_yours(turn)
        if meeting.join_url:  # a second press: the link is already in the event
            return meeting_card(meeting, turn.tz, turn.locale)
        _ = translator(turn.locale).gettext

        async def add() -> Card:
            added = await self._meetings.add_standalone_link(who, meeting, turn.tz)
            notice = _("Teams link added to the event: everyone invited gets it in an update.")
            return meeting_card(added, turn.tz, turn.locale, notice=notice)

        return await self._runner.guarded(turn, "add a Teams link", add)

    # --- an event the bot did not create ---------------------------------------------------

    async def _make_online(self, turn: TurnInfo, data: Data) -> Card:
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

    async def _list_page(self, turn: TurnInfo, data: Data) -> Card:
        """A list's "More" or "Back to the first": that page of the list, read afresh."""
        return await self._lists.page(turn, data, self._runner)
