"""Recurring meetings end to end: a series on the emulator, its rule on the card, its
occurrences in `my meetings`, and cancel asking "this one or the whole series?"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import action_data, actions, buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wednesday 10:00 in Berlin

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def view(emulator: Emulator, start: str, end: str) -> list[dict[str, Any]]:
    response = await emulator.control.get(
        f"/v1.0/users/{USER_AAD}/calendarView",
        params={"startDateTime": start, "endDateTime": end, "$top": "100"},
        headers={"Authorization": "Bearer test"},
    )
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["value"]
    return found


@pytest.mark.parametrize(
    ("text", "locale", "rule", "first"),
    [
        (
            "schedule Standup every weekday 9:15 until Dec 31",
            "en-US",
            "Every weekday at 9:15\u202fAM, until Dec 31",
            "2026-11-26T08:15",
        ),
        (
            "agendar Daily toda segunda às 10h por 4 semanas",
            "pt-BR",
            "Toda semana, segunda-feira às 10:00, até 27 de dez.",
            "2026-11-30T09:00",
        ),
    ],
    ids=["en-every-weekday", "pt-toda-segunda"],
)
async def test_a_series_is_created_and_its_card_says_the_rule(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    text: str,
    locale: str,
    rule: str,
    first: str,
) -> None:
    capture, service_url = connector
    await bot.post(message(text, service_url, locale=locale))

    [card] = capture.cards()
    assert rule in card_text(card)  # the "Repeats" fact (its title in the card's language)
    [master] = await emulator.events_of(USER_AAD)
    assert master["type"] == "seriesMaster"
    assert master["start"]["dateTime"].startswith(first)
    assert master["recurrence"]["range"]["recurrenceTimeZone"] == "Europe/Berlin"
    occurrences = await view(emulator, "2026-11-25T00:00:00Z", "2027-01-31T00:00:00Z")
    assert occurrences
    assert {o["seriesMasterId"] for o in occurrences} == {master["id"]}
    assert all(o["onlineMeeting"]["joinUrl"] for o in occurrences)


async def test_my_meetings_lists_occurrences_and_cancel_asks_this_one_or_the_series(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("schedule Standup every weekday 9:15", service_url))
    await bot.post(message("my meetings this week", service_url))

    listing = capture.cards()[-1]
    assert card_text(listing).count("Standup") == 2  # Thursday and Friday
    cancel_second = [a for a in actions(listing) if a.get("title") == "Cancel"][1]["data"]
    asked = await bot.press(invoke(cancel_second, service_url))
    assert "Cancel only this meeting, or the whole series?" in card_text(asked)
    assert {"Only this one", "The whole series", "Keep it"} <= set(buttons(asked))

    await bot.press(invoke(action_data(asked, "cancel_confirmed") | {"scope": "one"}, service_url))
    left = await view(emulator, "2026-11-25T00:00:00Z", "2026-12-01T00:00:00Z")
    assert [o["start"]["dateTime"][:10] for o in left] == ["2026-11-26", "2026-11-30"]

    await bot.post(message("cancel Standup", service_url))
    asked_by_text = capture.cards()[-1]
    assert "or the whole series?" in card_text(asked_by_text)
    [whole] = [a["data"] for a in actions(asked_by_text) if a.get("title") == "The whole series"]
    done = await bot.press(invoke(whole, service_url, reply_to_id="ask-2"))
    assert "Cancelled" in card_text(done)
    assert await view(emulator, "2026-11-25T00:00:00Z", "2027-01-31T00:00:00Z") == []
    [master] = await emulator.events_of(USER_AAD)
    assert master["isCancelled"] is True


async def test_only_this_one_on_the_new_series_card_cancels_its_first_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("schedule Retro every Friday 2pm for 3 weeks", service_url))
    [card] = capture.cards()
    asked = await bot.press(invoke(action_data(card, "cancel"), service_url))
    [one] = [a["data"] for a in actions(asked) if a.get("title") == "Only this one"]

    done = await bot.press(invoke(one, service_url))

    assert "Cancelled" in card_text(done)
    left = await view(emulator, "2026-11-25T00:00:00Z", "2026-12-31T00:00:00Z")
    assert [o["start"]["dateTime"][:10] for o in left] == ["2026-12-04", "2026-12-11"]
    [master] = await emulator.events_of(USER_AAD)
    assert master["isCancelled"] is False


async def test_an_unsure_series_is_confirmed_first_and_created_as_a_series(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """ "at 5" could be 05:00 or 17:00: the confirmation card's Create keeps the repetition."""
    capture, service_url = connector
    await bot.post(message("schedule Sync every Monday at 5 lobby off", service_url))
    [asked] = capture.cards()
    assert "Repeats: Every Monday at 5:00\u202fPM" in card_text(asked)  # as read, to check
    assert await emulator.events_of(USER_AAD) == []
    [create] = [a["data"] for a in actions(asked) if a["data"].get("action") == "confirm"]

    done = await bot.press(invoke(create, service_url, reply_to_id="confirm-1"))

    assert "Repeats: Every Monday at 5:00\u202fPM" in card_text(done)
    [master] = await emulator.events_of(USER_AAD)
    assert master["type"] == "seriesMaster"
    assert master["recurrence"]["pattern"]["daysOfWeek"] == ["monday"]
    [patch] = [c["body"] for c in await emulator.graph_calls("/onlineMeetings/", "PATCH")]
    assert patch == {"lobbyBypassSettings": {"scope": "everyone"}}
