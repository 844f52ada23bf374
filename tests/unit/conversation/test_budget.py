"""The turn budget on its own: the answer leaves in time whatever the work does, and work that
goes on afterwards always ends in something posted (its reply, or why there is none)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.conversation.background import Background
from bot.conversation.budget import Budgets, TurnBudget, ended_within
from bot.conversation.reply import Reply, answer, post
from bot.conversation.turn import TurnInfo, turn_from_activity
from bot.graph import deadline
from bot.storage import ConversationRef
from cards import notice_card
from cards.base import Card
from tests.support.activities import compose_invoke, invoke, message
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import card_text

SERVICE_URL = "http://127.0.0.1:9/unused"
UTC = ZoneInfo("UTC")
DONE = notice_card("Done", "Here it is.")


class Outbox:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, Card]] = []  # (post|update, activity id, card)

    async def post(self, reference: ConversationRef, card: Card) -> str:
        self.sent.append(("post", "", card))
        return "new-1"

    async def update(self, reference: ConversationRef, activity_id: str, card: Card) -> None:
        self.sent.append(("update", activity_id, card))

    def texts(self) -> list[str]:
        return [card_text(card) for _, _, card in self.sent]


@pytest.fixture
def outbox() -> Outbox:
    return Outbox()


@pytest.fixture
def background() -> Background:
    return Background(grace=0.05)


@pytest.fixture
def budget(background: Background, outbox: Outbox) -> TurnBudget:
    return TurnBudget(background, outbox, Budgets(turn=0.25, background=0.5, hard_stop_grace=0.1))


def typed() -> TurnInfo:
    return turn_from_activity(message("meet now", SERVICE_URL), UTC)


def pressed() -> TurnInfo:
    return turn_from_activity(invoke({"action": "show"}, SERVICE_URL, reply_to_id="card-7"), UTC)


def work(
    seconds: float, then: Callable[[], Reply] = lambda: post(DONE)
) -> Callable[[], Awaitable[Reply]]:
    async def run() -> Reply:
        await asyncio.sleep(seconds)
        return then()

    return run


async def test_work_done_in_time_is_the_answer(budget: TurnBudget, outbox: Outbox) -> None:
    reply = await budget(typed(), work(0.01))
    assert reply == post(DONE)
    assert outbox.sent == []


async def test_slow_work_is_answered_working_then_posted(
    budget: TurnBudget, background: Background, outbox: Outbox
) -> None:
    reply = await budget(typed(), work(0.4))
    await background.idle()

    [attachment] = reply.post
    assert card_text(dict(attachment.content)).startswith("Working on it")
    assert outbox.texts() == ["Done\nHere it is."]


async def test_a_slow_button_shows_working_then_its_card_is_updated_in_place(
    budget: TurnBudget, background: Background, outbox: Outbox
) -> None:
    reply = await budget(pressed(), work(0.4, lambda: answer(True, DONE)))
    await background.idle()

    assert reply.card is not None
    assert "This card will show the result" in card_text(reply.card)
    assert outbox.sent == [("update", "card-7", DONE)]


async def test_a_failure_before_the_answer_is_the_turns_failure(budget: TurnBudget) -> None:
    async def broken() -> Reply:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        await budget(typed(), broken)


async def test_a_failure_after_the_answer_is_posted_in_words(
    budget: TurnBudget, background: Background, outbox: Outbox, caplog: Any
) -> None:
    async def broken_late() -> Reply:
        await asyncio.sleep(0.4)
        raise RuntimeError("bug")

    await budget(typed(), broken_late)
    await background.idle()

    assert outbox.texts() == [
        "Something needs your attention\nSorry, something went wrong on my side.\n"
        "Please try again in a moment."
    ]
    assert "failed in the background" in caplog.text


async def test_work_that_overruns_its_whole_budget_is_stopped_and_explained(
    budget: TurnBudget, background: Background, outbox: Outbox
) -> None:
    await budget(typed(), work(30))
    await background.idle()

    [told] = outbox.texts()
    assert "This took longer than I can wait, so I stopped." in told


async def test_work_running_at_shutdown_is_cancelled_and_explained(
    budget: TurnBudget, background: Background, outbox: Outbox
) -> None:
    await budget(typed(), work(0.45))

    await background.close()

    [told] = outbox.texts()
    assert "I was stopped before I could finish this." in told
    assert background.running == 0


async def test_graph_calls_in_the_work_see_the_background_deadline(budget: TurnBudget) -> None:
    seen: list[float] = []

    async def look() -> Reply:
        limit = deadline.current()
        assert limit is not None
        seen.append(limit.remaining())
        return post(DONE)

    await budget(typed(), look)

    assert 0.4 < seen[0] <= 0.5
    assert deadline.current() is None  # only inside the turn's work


async def test_other_turns_are_not_put_in_the_background(
    budget: TurnBudget, background: Background
) -> None:
    installed = turn_from_activity({**message("", SERVICE_URL), "type": "conversationUpdate"}, UTC)
    started: list[int] = []

    async def direct() -> Reply:
        started.append(background.running)
        return Reply()

    await budget(installed, direct)
    assert started == [0]


def composed(nonce: str = "form-1") -> TurnInfo:
    data = {"subject": "Design sync", "when": "now", "duration": "30", "nonce": nonce}
    return turn_from_activity(
        compose_invoke("composeExtension/submitAction", SERVICE_URL, data=data), UTC
    )


async def test_a_compose_box_submit_runs_within_the_budget(budget: TurnBudget) -> None:
    seen: list[float] = []

    async def look() -> Reply:
        limit = deadline.current()
        assert limit is not None
        seen.append(limit.remaining())
        return Reply(compose=DONE)

    reply = await budget(composed(), look)

    assert reply == Reply(compose=DONE)
    assert 0.4 < seen[0] <= 0.5  # the background deadline, as for any other turn


async def test_a_slow_compose_box_submit_answers_in_time_with_its_form_to_press_again(
    budget: TurnBudget, background: Background, outbox: Outbox
) -> None:
    started = asyncio.get_running_loop().time()
    reply = await budget(composed("form-9"), work(0.4, lambda: Reply(compose=DONE)))
    answered = asyncio.get_running_loop().time() - started
    await background.idle()

    assert answered < 0.3  # within the turn budget, not after the work
    assert reply.dialog is not None
    form = reply.dialog.card
    assert_valid_card(form)
    assert "Press Create meeting again in a moment" in card_text(form)
    [create] = [a for a in form["actions"] if a["type"] == "Action.Submit"]
    assert create["data"] == {"nonce": "form-9"}  # the same meeting when pressed again
    assert '"Design sync"' in str(form).replace("'", '"')  # the input is kept
    assert outbox.sent == []  # nothing posted into a chat the bot may not be in


async def test_a_compose_box_submit_that_overruns_says_so_in_its_dialog(
    budget: TurnBudget, background: Background, outbox: Outbox
) -> None:
    reply = await budget(composed(), work(30))
    await background.idle()

    assert reply.dialog is not None
    assert outbox.sent == []


async def done_after(seconds: float) -> Reply:
    await asyncio.sleep(seconds)
    return post(DONE)


async def test_ended_within_says_whether_the_work_ended_and_never_stops_it() -> None:
    quick = asyncio.create_task(done_after(0.01))
    assert await ended_within(quick, 1.0)
    assert quick.result() == post(DONE)

    slow = asyncio.create_task(done_after(0.2))
    assert not await ended_within(slow, 0.01)
    assert not slow.cancelled()
    assert await slow == post(DONE)


async def test_a_cancelled_wait_leaves_the_work_running() -> None:
    slow = asyncio.create_task(done_after(0.05))
    waiting = asyncio.create_task(ended_within(slow, 1.0))
    await asyncio.sleep(0.01)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert await slow == post(DONE)
