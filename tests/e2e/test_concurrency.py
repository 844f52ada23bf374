"""Ten simultaneous presses of each card button, and `cancel X` sent ten times at once: one
Graph effect, and every answer shows the finished state (no error card)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import action_data, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Berlin, the sender's zone
ERROR_CARD = "Something needs your attention"


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def ten_presses(
    bot: BotUnderTest, data: dict[str, Any], url: str, **kwargs: Any
) -> list[str]:
    presses = [bot.press(invoke(data, url, activity_id=f"press-{n}", **kwargs)) for n in range(10)]
    shown = [card_text(card) for card in await asyncio.gather(*presses)]
    assert not [text for text in shown if ERROR_CARD in text], shown
    return shown


async def effects(emulator: Emulator, method: str, fragment: str) -> int:
    """Graph calls that changed something: this method and path, answered 2xx."""
    calls = await emulator.graph_calls(fragment, method)
    return sum(1 for call in calls if call["status"] and 200 <= call["status"] < 300)


async def first_card(
    bot: BotUnderTest, capture: ConnectorCapture, url: str, text: str
) -> dict[str, Any]:
    await bot.post(message(text, url))
    return capture.cards()[-1]


def move(card: dict[str, Any]) -> dict[str, Any]:
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    return {**action_data(show["card"], "reschedule"), "date": "2026-11-27", "time": "16:30"}


@pytest.mark.parametrize(
    ("command", "writes"),
    [
        ("meet now Design sync", ("DELETE", "/onlineMeetings/")),
        ("schedule Review 3pm", ("POST", "/cancel")),
    ],
    ids=["standalone", "event"],
)
async def test_ten_presses_of_yes_cancel_it_cancel_once(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    command: str,
    writes: tuple[str, str],
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, url, command)
    confirm = await bot.press(invoke(action_data(card, "cancel"), url))

    shown = await ten_presses(bot, action_data(confirm, "cancel_confirmed"), url)

    assert all("Cancelled" in text for text in shown)
    assert await effects(emulator, *writes) == 1


@pytest.mark.parametrize(
    ("command", "fragment"),
    [("meeting Retro tomorrow 3pm", "/onlineMeetings/"), ("schedule Review 3pm", "/events/")],
    ids=["standalone", "event"],
)
async def test_ten_presses_of_move_meeting_move_it_once(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    command: str,
    fragment: str,
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, url, command)

    shown = await ten_presses(bot, move(card), url)

    assert all("4:30\u202fPM" in text for text in shown)
    assert await effects(emulator, "PATCH", fragment) == 1


async def test_ten_presses_of_add_to_calendar_add_one_event(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, url, "meeting Retro tomorrow 3pm")

    shown = await ten_presses(bot, action_data(card, "add_to_calendar"), url)

    assert all("Added to your calendar" in text for text in shown)
    assert await effects(emulator, "POST", "/events") == 1
    assert len(await emulator.events_of(USER_AAD)) == 1


@pytest.mark.parametrize("verb", ["show", "cancel"], ids=["keep-it", "ask-to-cancel"])
async def test_ten_presses_of_a_button_that_changes_nothing_change_nothing(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str], verb: str
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, url, "meet now Design sync")
    if verb == "show":  # "Keep it", on the card that asks before cancelling
        card = await bot.press(invoke(action_data(card, "cancel"), url))
    before = len(await emulator.requests())

    shown = await ten_presses(bot, action_data(card, verb), url)

    assert all("Design sync" in text for text in shown)
    assert len(await emulator.requests()) == before


async def test_ten_presses_of_the_forms_create_make_one_event(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    form = {
        "action": "form_submit",
        "subject": "Planning",
        "date": "2026-11-26",
        "time": "10:00",
        "duration": "30",
        "invite": "event",
    }

    shown = await ten_presses(bot, form, url, reply_to_id="form-card-7")

    assert all("Planning" in text for text in shown)
    assert await effects(emulator, "POST", "/events") == 1
    [event] = await emulator.events_of(USER_AAD)
    assert event["subject"] == "Planning"


async def test_ten_presses_of_create_a_teams_link_instead_make_one_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await emulator.put(
        f"/_emulator/users/{USER_AAD}/calendar",
        {"allowedOnlineMeetingProviders": ["unknown"], "defaultOnlineMeetingProvider": "unknown"},
    )
    offer = await first_card(bot, capture, url, "schedule Planning tomorrow 10am")

    shown = await ten_presses(bot, action_data(offer, "create_standalone"), url)

    assert all("Planning" in text for text in shown)
    assert len(await emulator.graph_calls("/onlineMeetings/createOrGet")) == 1
    assert len(await emulator.meetings_of(USER_AAD)) == 1


async def test_ten_presses_of_add_teams_link_patch_the_event_once(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    created = await emulator.control.post(
        f"/v1.0/users/{USER_AAD}/events",
        json={
            "subject": "Dentist",
            "start": {"dateTime": "2026-11-26T12:00:00", "timeZone": "UTC"},
            "end": {"dateTime": "2026-11-26T13:00:00", "timeZone": "UTC"},
        },
        headers={"Authorization": "Bearer test"},
    )
    assert created.status_code == 201, created.text
    listing = await first_card(bot, capture, url, "my meetings")

    shown = await ten_presses(bot, action_data(listing, "make_online"), url)

    assert all("Dentist" in text for text in shown)
    assert await effects(emulator, "PATCH", "/events/") == 1
    [event] = await emulator.events_of(USER_AAD)
    assert join_urls(await bot.press(invoke(action_data(listing, "make_online"), url))) == [
        event["onlineMeeting"]["joinUrl"]
    ]


async def test_cancel_sent_ten_times_at_once_cancels_once_and_shows_it_cancelled(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await first_card(bot, capture, url, "meet now Design sync")

    sends = [bot.post(message("cancel Design sync", url)) for _ in range(10)]
    await asyncio.gather(*sends)
    await bot.post(message("cancel Design sync", url))  # and once more, afterwards

    replies = [card_text(card) for card in capture.cards()[1:]]
    assert len(replies) == 11
    assert not [text for text in replies if ERROR_CARD in text], replies
    assert all("Cancelled" in text for text in replies)
    assert await effects(emulator, "DELETE", "/onlineMeetings/") == 1
