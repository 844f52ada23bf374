"""A time budget per turn, as a middleware step: the HTTP answer leaves within the turn budget
whatever Graph does.

A message's, button's or compose box's work runs as a tracked task inside one deadline for all
its Graph calls (the background budget). If it is done within the turn budget its reply is the
answer; if not, the turn is answered "Working on it" (a button's card shows that state) and the
work goes on: its reply is then posted into the conversation, and a button's card is updated in
place. Work that fails, overruns the background budget or is stopped by a shutdown still ends
in a posted explanation. The compose box's message extension cannot be posted to later (the bot
need not be in that chat): when late, its form comes back saying to press Create again, which
gets the meeting the work goes on making (createOrGet on the form's nonce).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.conversation.background import Background
from bot.conversation.compose_replies import still_working
from bot.conversation.gates import Next
from bot.conversation.origin import Origin, deliver
from bot.conversation.outbox import Outbox
from bot.conversation.reply import Dialog, Reply, answer
from bot.conversation.turn import TurnInfo, TurnKind
from bot.graph import deadline
from bot.graph.deadline import REAL_TIME, Timer
from cards import error_card, notice_card
from cards.base import Card
from cards.i18n import N_, translator

log = logging.getLogger(__name__)

WORKING = N_("Working on it")
WORKING_POST = N_("I'll post the meeting here as soon as Microsoft Graph answers.")
WORKING_CARD = N_("This card will show the result as soon as Microsoft Graph answers.")
STOPPED = (
    N_("I was stopped before I could finish this."),
    N_("If it was a new meeting, I'll post it here once I am back; otherwise please try again."),
)
TOO_LONG = (
    N_("This took longer than I can wait, so I stopped."),
    N_(
        "If it was a new meeting, I'll post it here once Microsoft Graph confirms it; "
        "otherwise please try again in a minute."
    ),
)
FAILED = (N_("Sorry, something went wrong on my side."), N_("Please try again in a moment."))
COMPOSE = (TurnKind.COMPOSE_FETCH, TurnKind.COMPOSE_SUBMIT)
#: The turns whose work runs within the budget (the rest answer at once, or are Teams' own).
BUDGETED = (TurnKind.MESSAGE, TurnKind.CARD_ACTION, *COMPOSE)
#: The work is stopped this long after its Graph deadline, whatever it is waiting for.
HARD_STOP_GRACE = 5.0


@dataclass
class _Answer:
    """Whether a turn's HTTP answer has already left."""

    late: bool = False  # the HTTP answer has left: the reply must be posted


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class Budgets:
    """How long a turn may take before answering, and its background work after."""

    turn: float = 10.0
    background: float = 60.0
    hard_stop_grace: float = HARD_STOP_GRACE

    @property
    def answer_within(self) -> float:
        """The turn budget less a reserve for sending the answer itself."""
        return self.turn - min(1.0, self.turn * 0.2)


class TurnBudget:
    def __init__(
        self,
        background: Background,
        outbox: Outbox,
        budgets: Budgets | None = None,
        timer: Timer = REAL_TIME,
    ) -> None:
        self._background = background
        self._outbox = outbox
        self._budgets = budgets or Budgets()
        self._timer = timer

    async def __call__(self, turn: TurnInfo, call_next: Next) -> Reply:
        if turn.kind not in BUDGETED:
            return await call_next()
        state = _Answer()
        task = self._background.start(self._work(turn, call_next, state), f"turn {turn.kind}")
        try:
            in_time = await ended_within(task, self._budgets.answer_within)
        except asyncio.CancelledError:  # the request went away: the result is posted instead
            state.late = True
            raise
        if in_time:
            return task.result()
        state.late = True
        log.info("turn kind=%s goes on in the background", turn.kind)
        _ = translator(turn.locale).gettext
        if turn.kind in COMPOSE:
            return still_working(turn)
        if turn.kind is TurnKind.CARD_ACTION:
            return answer(True, notice_card(_(WORKING), _(WORKING_CARD)))
        return answer(False, notice_card(_(WORKING), _(WORKING_POST)))

    async def _work(self, turn: TurnInfo, call_next: Next, state: _Answer) -> Reply:
        """The turn's work inside its deadline; once the answer has left, its reply (or an
        explanation of why there is none) is posted."""
        budget = self._budgets.background
        try:
            with deadline.within(budget, self._timer):
                async with asyncio.timeout(budget + self._budgets.hard_stop_grace):
                    reply = await call_next()
        except asyncio.CancelledError:
            if state.late:
                await self._post(turn, _explained(turn, STOPPED), in_place=True)
            raise
        except TimeoutError:
            log.warning("turn kind=%s stopped after its %gs budget", turn.kind, budget)
            reply = _answering(turn, _explained(turn, TOO_LONG))
        except Exception:
            if not state.late:
                raise  # answered by the adapter's turn error handler, as any failed turn
            log.exception("turn kind=%s failed in the background", turn.kind)
            reply = _answering(turn, _explained(turn, FAILED))
        if state.late:
            await self._post_reply(turn, reply)
        return reply

    async def _post_reply(self, turn: TurnInfo, reply: Reply) -> None:
        for attachment in reply.post:
            await self._post(turn, dict(attachment.content), in_place=False)
        if reply.card is not None:
            await self._post(turn, reply.card, in_place=True)

    async def _post(self, turn: TurnInfo, card: dict[str, object], *, in_place: bool) -> None:
        if turn.kind in COMPOSE:  # the form said to press Create again: nothing to post
            log.info("A late compose box result is not posted: its form asks for a retry")
            return
        origin = Origin.of(turn)
        if origin is None:
            log.warning("A late result for %s has nowhere to go", turn.conversation_id or "-")
            return
        await deliver(self._outbox, origin, card, in_place=in_place)


async def ended_within(task: asyncio.Task[Reply], seconds: float) -> bool:
    """Whether `task` ends within `seconds`, never cancelling it: `asyncio.wait` for one task,
    without the sets it builds for many."""
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[None] = loop.create_future()

    def wake(_: object = None) -> None:
        if not waiter.done():
            waiter.set_result(None)

    timer = loop.call_later(seconds, wake)
    task.add_done_callback(wake)
    try:
        await waiter
    finally:
        timer.cancel()
        task.remove_done_callback(wake)
    return task.done()


def _answering(turn: TurnInfo, card: Card) -> Reply:
    """`card` as the answer this kind of turn expects (the compose box's: a dialog)."""
    if turn.kind in COMPOSE:
        return Reply(dialog=Dialog.compose(card, turn.locale))
    return answer(turn.is_invoke, card)


def _explained(turn: TurnInfo, words: tuple[str, str]) -> Card:
    """What happened and what to do, in the user's language."""
    _ = translator(turn.locale).gettext
    return error_card(_(words[0]), _(words[1]), locale=turn.locale)
