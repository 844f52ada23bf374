"""Card buttons: each Verb (cards/verbs.py) beside its handler, dispatched by one lookup. The
handlers live by what they act on: bot/conversation/meeting_verbs.py (one meeting),
command_verbs.py (a command, a form), planning.py and polls.py (behind finding.py).

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
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.conversation.activity import known_locale
from bot.conversation.commands import CommandRunner
from bot.conversation.failures import not_yours
from bot.conversation.presses import OneAtATime, not_yet
from bot.conversation.turn import TurnInfo
from bot.graph.ids import is_graph_id
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.occurrences import occurrence
from bot.storage import ActionClaims
from cards import Verb, error_card
from cards.actions import in_language
from cards.base import Card
from cards.i18n import translator

if TYPE_CHECKING:
    from bot.conversation.finding import TimeFinding

log = logging.getLogger(__name__)

Data = Mapping[str, Any]
Handler = Callable[[TurnInfo, Data], Awaitable[Card]]
MeetingHandler = Callable[[TurnInfo, Requester, Meeting, Data], Awaitable[Card]]


class CardVerbs:
    """The handler of every Verb; `handle` answers a pressed button with a card.

    The table of handlers is made at the first press, with the modules of the buttons'
    handlers: a process whose turns are only typed commands never imports them."""

    def __init__(
        self,
        runner: CommandRunner,
        storage: ActionClaims,
        *,
        claim_wait: float = 60.0,
        finding: TimeFinding | None = None,
    ) -> None:
        self._runner = runner
        self._meetings = runner.meetings
        self._exclusively = OneAtATime(storage, claim_wait)
        self._finding = finding

    @cached_property
    def _handlers(self) -> dict[Verb, Handler]:
        from bot.conversation.command_verbs import CommandVerbs
        from bot.conversation.meeting_verbs import MeetingVerbs

        on_meeting, one_at_a_time = self._on_meeting, self._one_at_a_time
        commands = CommandVerbs(self._runner)
        meetings = MeetingVerbs(self._runner, self._exclusively)
        handlers: dict[Verb, Handler] = {
            Verb.RUN: commands.run,
            Verb.OPEN_FORM: commands.open_form,
            Verb.SUBMIT_FORM: one_at_a_time(commands.submit_form),
            Verb.SHOW: on_meeting(meetings.show),
            Verb.ASK_CANCEL: on_meeting(meetings.ask_cancel),
            Verb.CANCEL: on_meeting(meetings.cancel),
            Verb.RESCHEDULE: on_meeting(meetings.reschedule),
            Verb.ADD_TO_CALENDAR: one_at_a_time(on_meeting(meetings.add_to_calendar)),
            Verb.MAKE_ONLINE: one_at_a_time(meetings.make_online),
            Verb.CREATE_STANDALONE: one_at_a_time(commands.create_standalone),
            Verb.SNOOZE: one_at_a_time(on_meeting(meetings.snooze)),
            Verb.CONFIRM: one_at_a_time(commands.confirm),
            Verb.CHANGE: commands.change,
            Verb.ADD_STANDALONE_LINK: one_at_a_time(on_meeting(meetings.add_standalone_link)),
            Verb.LIST_PAGE: commands.list_page,
        }
        finding = self._finding
        if finding is not None:  # find a time, meeting options, group-chat polls
            handlers[Verb.BOOK_SLOT] = one_at_a_time(finding.book_slot)
            handlers[Verb.SET_OPTIONS] = one_at_a_time(on_meeting(finding.set_options))
            handlers[Verb.POLL_VOTE] = self._guarded("vote", finding.vote)
            handlers[Verb.POLL_BOOK] = self._guarded("book the poll's time", finding.book)
            handlers[Verb.POLL_REFRESH] = self._guarded("show the poll", finding.refresh)
        return handlers

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
