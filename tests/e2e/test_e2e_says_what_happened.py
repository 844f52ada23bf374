"""Cards say exactly what happened: times without seconds, notices in the "good" colour, the
details a reschedule must keep, "Add to calendar" once, and nobody invited to their own meeting."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.card_schema import assert_valid_card
from tests.support.cardtext import action_data, buttons, card_text, walk
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

# 10:00:27.5 in Berlin, the sender's zone: "now" has seconds the cards must not show.
NOW = datetime(2026, 11, 25, 9, 0, 27, 500_000, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def sent_card(bot: BotUnderTest, capture: ConnectorCapture, text: str, url: str) -> Any:
    await bot.post(message(text, url))
    card = capture.cards()[-1]
    assert_valid_card(card)
    return card


def text_blocks(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    return (node for node in walk(card.get("body", [])) if node.get("type") == "TextBlock")


def colour_of(card: dict[str, Any], fragment: str) -> str:
    [block] = [b for b in text_blocks(card) if fragment in str(b.get("text"))]
    return str(block.get("color", "Default"))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("meet now Design sync", "2026-11-25T09:00:00.0000000Z"),
        ("meeting Design sync in 2 hours", "2026-11-25T11:00:00.0000000Z"),
        ("meeting Design sync in 90 minutes", "2026-11-25T10:30:00.0000000Z"),
    ],
    ids=["meet-now", "in-2-hours", "in-90-minutes"],
)
async def test_meetings_from_now_start_on_the_minute(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    text: str,
    start: str,
) -> None:
    capture, url = connector
    await sent_card(bot, capture, text, url)
    [create] = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    assert create["body"]["startDateTime"] == start


async def test_cancelling_a_link_only_meeting_does_not_talk_of_people_invited(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await sent_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    confirm = await bot.press(invoke(action_data(card, "cancel"), url))
    assert_valid_card(confirm)
    assert "Cancel this meeting? Teams tells no one" in card_text(confirm)
    assert "invited" not in card_text(confirm)


async def test_cancelling_an_event_with_attendees_says_they_will_be_told(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await sent_card(bot, capture, "schedule Review tomorrow 3pm with ann@contoso.com", url)
    confirm = await bot.press(invoke(action_data(card, "cancel"), url))
    assert "Everyone invited will be told." in card_text(confirm)


async def test_reschedule_keeps_the_organizer_row(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await sent_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    data = {**action_data(show["card"], "reschedule"), "date": "2026-11-27", "time": "09:00"}

    moved = await bot.press(invoke({**data, "duration": "30"}, url))

    assert_valid_card(moved)
    assert "Organizer: Jane Doe" in card_text(card)
    assert "Organizer: Jane Doe" in card_text(moved)
    assert "Nov 27, 2026" in card_text(moved)


async def test_add_to_calendar_is_done_once_said_in_good_colour_and_no_longer_offered(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await sent_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    data = action_data(card, "add_to_calendar")

    added = await bot.press(invoke(data, url))
    again = await bot.press(invoke(data, url, activity_id="the-old-card-pressed-again"))

    assert_valid_card(added)
    assert colour_of(added, "Added to your calendar") == "Good"
    assert "Add to calendar" not in buttons(added)
    assert "Add to calendar" not in buttons(again)
    assert colour_of(again, "Added to your calendar") == "Good"
    assert len(await emulator.events_of(USER_AAD)) == 1
    # A later view of the meeting ("Keep it" after Cancel) remembers it too.
    confirm = await bot.press(invoke(action_data(added, "cancel"), url))
    kept = await bot.press(invoke(action_data(confirm, "show"), url))
    assert "Add to calendar" not in buttons(kept)


async def test_a_reschedule_problem_is_said_in_the_attention_colour(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await sent_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    data = {**action_data(show["card"], "reschedule"), "date": "2026-11-20", "time": "09:00"}

    refused = await bot.press(invoke({**data, "duration": "30"}, url))

    assert colour_of(refused, "already passed") == "Attention"


async def test_with_everyone_invites_the_others_but_not_the_organizer(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    for aad, name, email in (
        (USER_AAD, "Jane Doe", "jane@contoso.com"),  # the sender, as the roster lists her
        ("bbbbbbbb-0000-0000-0000-0000000000b0", "Bob Lee", "bob@contoso.com"),
        ("cccccccc-0000-0000-0000-0000000000c0", "Cy Fox", "cy@contoso.com"),
    ):
        member = {"id": f"29:{name}", "name": name, "aadObjectId": aad, "email": email}
        capture.members[aad] = member
    text = "schedule Town hall tomorrow 4pm with everyone"

    card = await sent_card(bot, capture, text, url)

    [event] = await emulator.events_of(USER_AAD)
    invited = [a["emailAddress"]["address"] for a in event["attendees"]]
    assert invited == ["bob@contoso.com", "cy@contoso.com"]
    assert "Attendees: Bob Lee, Cy Fox" in card_text(card)
