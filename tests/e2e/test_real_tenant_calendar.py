"""A standalone meeting and its calendar copy stay one meeting; `my meetings` offers "Add Teams
link" only where it can work. Through /api/messages. Events the user only attends and the
occurrences of a series are placed through the emulator's control API, whose sources (Graph's
List calendarView page) tests/emulator/test_emulator_calendar_seeding.py names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from tests.e2e.test_e2e_card_actions import NOW, first_card, reschedule_data
from tests.emulator.test_emulator_calendar_seeding import DANA, WEEKLY
from tests.emulator.test_emulator_events import event_body
from tests.support.activities import USER_AAD, invoke
from tests.support.cardtext import action_data, buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def test_cancelling_the_meeting_removes_its_calendar_copy(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    await bot.press(invoke(action_data(card, "add_to_calendar"), url))
    assert len(await emulator.events_of(USER_AAD)) == 1

    confirm = await bot.press(invoke(action_data(card, "cancel"), url))
    await bot.press(invoke(action_data(confirm, "cancel_confirmed"), url))

    assert await emulator.events_of(USER_AAD) == []
    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1


async def test_rescheduling_the_meeting_moves_its_calendar_copy(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    await bot.press(invoke(action_data(card, "add_to_calendar"), url))

    await bot.press(invoke(reschedule_data(card, "2026-11-27", "16:30", "30"), url))

    [copy] = await emulator.events_of(USER_AAD)
    assert copy["start"]["dateTime"].startswith("2026-11-27T15:30:00")  # 16:30 in Berlin
    assert copy["end"]["dateTime"].startswith("2026-11-27T16:00:00")


async def test_my_meetings_shows_the_meeting_and_its_copy_once_without_add_teams_link(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    await bot.press(invoke(action_data(card, "add_to_calendar"), url))

    listed = await first_card(bot, capture, "my meetings", url)

    assert card_text(listed).count("Retro") == 1
    assert "Add Teams link" not in buttons(listed)
    assert buttons(listed) == ["Join", "Cancel"]


async def place(emulator: Emulator, body: dict[str, Any]) -> dict[str, Any]:
    response = await emulator.control.post(f"/_emulator/users/{USER_AAD}/events", json=body)
    assert response.status_code == 201, response.text
    placed: dict[str, Any] = response.json()
    return placed


async def test_add_teams_link_only_on_single_events_the_user_organizes(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """An attended event (isOrganizer false) and one occurrence of a series get no "Add Teams
    link": Graph would refuse the first and change only one occurrence of the second."""
    capture, url = connector
    mine = await place(emulator, event_body("Mine", "2026-11-26T08:00:00", "2026-11-26T08:30:00"))
    await place(
        emulator,
        event_body("Dana's planning", "2026-11-26T10:00:00", "2026-11-26T11:00:00")
        | {"isOrganizer": False, "organizer": DANA},
    )
    master = await place(
        emulator,
        event_body("Weekly sync", "2026-11-24T12:00:00", "2026-11-24T12:30:00")
        | {"type": "seriesMaster", "recurrence": WEEKLY},
    )
    await place(
        emulator,
        event_body("Weekly sync", "2026-12-01T12:00:00", "2026-12-01T12:30:00")
        | {"type": "occurrence", "seriesMasterId": master["id"]},
    )

    listed = await first_card(bot, capture, "my meetings", url)

    words = card_text(listed)
    assert all(name in words for name in ("Mine", "Dana's planning", "Weekly sync"))
    assert buttons(listed) == ["Add Teams link"]
    [data] = [a["data"] for a in _actions(listed)]
    assert data["id"] == mine["id"]


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        action
        for item in card["body"]
        for inner in item.get("items", [])
        if inner.get("type") == "ActionSet"
        for action in inner["actions"]
    ]
