"""`my meetings` end to end: a row's button changes that row and keeps the list; long lists come
ten at a time with "More"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import action_data, buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Berlin, the sender's zone
TOMORROW_9 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def outlook_events(emulator: Emulator, count: int, *, first: datetime = TOMORROW_9) -> None:
    """Events the user made in Outlook (no Teams link, not the bot's), an hour apart."""
    for n in range(count):
        start = first + timedelta(hours=n)
        response = await emulator.control.post(
            f"/v1.0/users/{USER_AAD}/events",
            json={
                "subject": f"Event {n + 1:02d}",
                "start": {"dateTime": _wall(start), "timeZone": "UTC"},
                "end": {"dateTime": _wall(start + timedelta(minutes=30)), "timeZone": "UTC"},
            },
            headers={"Authorization": "Bearer test"},
        )
        assert response.status_code == 201, response.text


def _wall(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%S")


def rows(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The list's entries, one Container per meeting."""
    return [node for node in card["body"] if node.get("type") == "Container"]


def row_of(card: dict[str, Any], subject: str) -> dict[str, Any]:
    [row] = [r for r in rows(card) if subject in card_text({"body": [r]})]
    return row


def row_text(card: dict[str, Any], subject: str) -> str:
    return card_text({"body": [row_of(card, subject)]})


def row_buttons(card: dict[str, Any], subject: str) -> list[str]:
    return buttons({"body": [row_of(card, subject)]})


def subjects(card: dict[str, Any]) -> list[str]:
    return [card_text({"body": [r]}).splitlines()[0].strip("*") for r in rows(card)]


def press_data(card: dict[str, Any], subject: str, verb: str) -> dict[str, Any]:
    return action_data({"body": [row_of(card, subject)]}, verb)


async def my_meetings(bot: BotUnderTest, capture: ConnectorCapture, url: str) -> dict[str, Any]:
    await bot.post(message("my meetings", url))
    card = capture.cards()[-1]
    assert_valid_card(card)
    return card


def others_unchanged(before: dict[str, Any], after: dict[str, Any], subject: str) -> None:
    assert subjects(after) == subjects(before)
    for old, new in zip(rows(before), rows(after), strict=True):
        if subject not in card_text({"body": [old]}):
            assert new == old


async def test_cancel_on_a_row_asks_in_that_row_and_keeps_the_list(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await bot.post(message("meeting Retro tomorrow 3pm", url))
    await bot.post(message("schedule Review tomorrow 4pm with ann@contoso.com", url))
    await outlook_events(emulator, 1)
    listing = await my_meetings(bot, capture, url)

    asked = await bot.press(invoke(press_data(listing, "Review", "cancel"), url))

    assert_valid_card(asked)
    assert "Your meetings" in card_text(asked)
    assert "Cancel this meeting? Everyone invited will be told." in row_text(asked, "Review")
    assert row_buttons(asked, "Review") == ["Yes, cancel it", "Keep it"]
    others_unchanged(listing, asked, "Review")
    assert await emulator.graph_calls("/cancel", "POST") == []

    done = await bot.press(invoke(press_data(asked, "Review", "cancel_confirmed"), url))

    assert_valid_card(done)
    assert "Cancelled" in row_text(done, "Review")
    assert row_buttons(done, "Review") == []
    others_unchanged(listing, done, "Review")
    assert len(await emulator.graph_calls("/cancel", "POST")) == 1


async def test_keep_it_on_a_row_gives_back_the_list_as_it_was(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await bot.post(message("meeting Retro tomorrow 3pm", url))
    await outlook_events(emulator, 1)
    listing = await my_meetings(bot, capture, url)
    asked = await bot.press(invoke(press_data(listing, "Retro", "cancel"), url))

    kept = await bot.press(invoke(press_data(asked, "Retro", "show"), url))

    assert kept == listing
    assert await emulator.graph_calls("/onlineMeetings/", "DELETE") == []


async def test_add_teams_link_on_a_row_gives_that_row_its_join_button(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await bot.post(message("meeting Retro tomorrow 3pm", url))
    await outlook_events(emulator, 2)
    listing = await my_meetings(bot, capture, url)

    linked = await bot.press(invoke(press_data(listing, "Event 02", "make_online"), url))

    assert_valid_card(linked)
    assert "Teams link added." in row_text(linked, "Event 02")
    assert row_buttons(linked, "Event 02") == ["Join"]
    others_unchanged(listing, linked, "Event 02")
    [event] = [e for e in await emulator.events_of(USER_AAD) if e["subject"] == "Event 02"]
    assert event["isOnlineMeeting"] is True


async def test_a_long_list_comes_ten_at_a_time_with_more(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await outlook_events(emulator, 23)

    first = await my_meetings(bot, capture, url)
    second = await bot.press(invoke(action_data(first, "list_page"), url))
    third = await bot.press(invoke(action_data(second, "list_page"), url))

    for card in (second, third):
        assert_valid_card(card)
    assert subjects(first) == [f"Event {n:02d}" for n in range(1, 11)]
    assert subjects(second) == [f"Event {n:02d}" for n in range(11, 21)]
    assert subjects(third) == [f"Event {n:02d}" for n in range(21, 24)]
    assert "1–10 of 23" in card_text(first)
    assert "11–20 of 23" in card_text(second)
    assert buttons(first)[-1:] == ["More"]
    assert buttons(second)[-2:] == ["More", "Back to the first"]
    assert buttons(third)[-1:] == ["Back to the first"]
    back = await bot.press(invoke(action_data(third, "list_page"), url))
    assert back == first


async def test_a_row_pressed_on_a_later_page_keeps_that_page(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await outlook_events(emulator, 12)
    first = await my_meetings(bot, capture, url)
    second = await bot.press(invoke(action_data(first, "list_page"), url))

    linked = await bot.press(invoke(press_data(second, "Event 12", "make_online"), url))

    assert subjects(linked) == ["Event 11", "Event 12"]
    assert "11–12 of 12" in card_text(linked)


async def test_a_choice_of_meetings_to_cancel_keeps_its_rows_too(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await bot.post(message("meeting Review budget tomorrow 3pm", url))
    await bot.post(message("meeting Review roadmap tomorrow 4pm", url))
    await bot.post(message("cancel Review", url))
    pick = capture.cards()[-1]

    asked = await bot.press(invoke(press_data(pick, "Review roadmap", "cancel"), url))
    done = await bot.press(invoke(press_data(asked, "Review roadmap", "cancel_confirmed"), url))

    assert "Which “Review”?" in card_text(done)
    assert subjects(done) == ["Review budget", "Review roadmap"]
    assert "Cancelled" in row_text(done, "Review roadmap")
    assert "Cancel" in row_buttons(done, "Review budget")
    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1
