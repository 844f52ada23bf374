"""Card buttons under Graph faults: a press is answered within the turn budget (its card shows
"Working on it"), the original card is updated in place when the work is done, and a press
whose Graph call failed can be pressed again with the same inputs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.activities import USER_AAD
from tests.support.cardtext import action_data, card_text
from tests.support.faulty import FaultyBot
from tests.support.servers import Emulator


async def meeting_card(bot: FaultyBot, text: str) -> dict[str, Any]:
    await bot.say(text)
    await bot.settled()
    return bot.capture.cards()[-1]


def move_to(card: dict[str, Any], days: int, time: str) -> dict[str, Any]:
    """The reschedule button's data with a new date and time (the sender is in Berlin)."""
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    day = (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%d")
    return {**action_data(show["card"], "reschedule"), "date": day, "time": time, "duration": "30"}


@pytest.mark.parametrize("graph_timeout", [5.0])
async def test_a_slow_reschedule_answers_in_time_then_updates_the_pressed_card(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    card = await meeting_card(faulty, "schedule Budget review tomorrow 3pm")
    await emulator.inject(latencyMs=2500, phase="afterWork", method="PATCH")

    shown = await faulty.press(move_to(card, 3, "16:30"), reply_to_id="meeting-card-9")
    await faulty.settled()

    assert card_text(shown).startswith("Working on it")
    update = faulty.capture.calls[-1]
    assert (update.method, update.path) == (
        "PUT",
        "/v3/conversations/personal-conv-1/activities/meeting-card-9",
    )
    assert "4:30\u202fPM" in card_text(update.body["attachments"][0]["content"])
    assert [c["status"] for c in await emulator.graph_calls("/events/", "PATCH")] == [200]


async def test_a_reschedule_whose_graph_call_failed_can_be_pressed_again(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    card = await meeting_card(faulty, "meeting Retro tomorrow 3pm")
    press = move_to(card, 2, "17:00")
    await emulator.inject(status=400, method="PATCH", message="Bad luck")

    refused = await faulty.press(press)
    moved = await faulty.press(press, activity_id="pressed-again")

    assert "did not accept the meeting: Bad luck" in card_text(refused)
    assert "5:00\u202fPM" in card_text(moved)
    statuses = [c["status"] for c in await emulator.graph_calls("/onlineMeetings/", "PATCH")]
    assert statuses == [400, 200]


async def test_a_cancel_whose_answer_was_lost_is_confirmed_from_graph_not_guessed(
    faulty: FaultyBot, emulator: Emulator
) -> None:
    """The cancel went through but the connection dropped before its answer: the bot asks
    Graph instead of guessing, and shows the meeting cancelled; a second press changes nothing."""
    card = await meeting_card(faulty, "schedule Budget review tomorrow 3pm")
    confirm = await faulty.press(action_data(card, "cancel"))
    yes = action_data(confirm, "cancel_confirmed")
    await emulator.inject(reset=True, phase="afterWork", match="/cancel")

    first = await faulty.press(yes)
    again = await faulty.press(yes, activity_id="pressed-again")

    for shown in (first, again):
        assert "Cancelled" in card_text(shown)
    assert len(await emulator.graph_calls("/cancel")) == 1
    [event] = await emulator.events_of(USER_AAD)
    assert event["isCancelled"] is True
