"""`cancel <name>` is safe: it asks first when people would be told, offers a choice when the
name fits several meetings, and takes a standalone meeting's calendar copy with it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import action_data, buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def say(bot: BotUnderTest, capture: ConnectorCapture, text: str, url: str) -> Any:
    await bot.post(message(text, url))
    card = capture.cards()[-1]
    assert_valid_card(card)
    return card


async def test_a_meeting_with_attendees_is_cancelled_only_after_yes(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await say(bot, capture, "schedule Review tomorrow 3pm with ann@contoso.com", url)

    asked = await say(bot, capture, "cancel Review", url)

    assert "Cancel this meeting? Everyone invited will be told." in card_text(asked)
    assert buttons(asked)[-2:] == ["Yes, cancel it", "Keep it"]
    assert await emulator.graph_calls("/cancel", "POST") == []
    done = await bot.press(invoke(action_data(asked, "cancel_confirmed"), url))
    assert "Cancelled" in card_text(done)
    assert len(await emulator.graph_calls("/cancel", "POST")) == 1


async def test_a_meeting_nobody_else_is_in_is_cancelled_at_once(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await say(bot, capture, "meeting Retro tomorrow 3pm", url)

    done = await say(bot, capture, "cancel Retro", url)

    assert "Cancelled" in card_text(done)
    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1


async def test_two_matches_get_a_card_to_pick_one_and_nothing_is_cancelled(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await say(bot, capture, "meeting Review budget tomorrow 3pm", url)
    await say(bot, capture, "meeting Review roadmap tomorrow 4pm", url)

    pick = await say(bot, capture, "cancel Review", url)

    assert "Which “Review”?" in card_text(pick)
    assert buttons(pick).count("Cancel") == 2
    assert await emulator.graph_calls("/onlineMeetings/", "DELETE") == []


async def test_cancelling_after_add_to_calendar_also_removes_the_calendar_copy(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await say(bot, capture, "meeting Retro tomorrow 3pm", url)
    await bot.press(invoke(action_data(card, "add_to_calendar"), url))
    [copy] = await emulator.events_of(USER_AAD)

    done = await say(bot, capture, "cancel Retro", url)

    assert "Cancelled" in card_text(done)
    [delete] = await emulator.graph_calls("/events/", "DELETE")
    assert delete["path"].endswith(f"/events/{copy['id']}")
    assert await emulator.events_of(USER_AAD) == []


async def test_a_calendar_copy_the_user_already_deleted_does_not_stop_the_cancel(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await say(bot, capture, "meeting Retro tomorrow 3pm", url)
    await bot.press(invoke(action_data(card, "add_to_calendar"), url))
    [copy] = await emulator.events_of(USER_AAD)
    gone = await emulator.control.delete(
        f"/v1.0/users/{USER_AAD}/events/{copy['id']}", headers={"Authorization": "Bearer x"}
    )
    assert gone.status_code == 204

    done = await say(bot, capture, "cancel Retro", url)

    assert "Cancelled" in card_text(done)
    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1


async def test_rescheduling_moves_the_calendar_copy_with_the_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await say(bot, capture, "meeting Retro tomorrow 3pm", url)
    added = await bot.press(invoke(action_data(card, "add_to_calendar"), url))
    [show] = [a for a in added["actions"] if a.get("title") == "Reschedule"]
    data = {**action_data(show["card"], "reschedule"), "date": "2026-11-27", "time": "09:00"}

    await bot.press(invoke({**data, "duration": "45"}, url))

    [copy] = await emulator.events_of(USER_AAD)
    assert copy["start"]["dateTime"].startswith("2026-11-27T08:00:00")  # 09:00 Berlin, in UTC
    assert copy["end"]["dateTime"].startswith("2026-11-27T08:45:00")
