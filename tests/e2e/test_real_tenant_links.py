"""Teams links real tenants lose, through /api/messages: what the person sees and what the bot
does about it. The emulator's switches and their sources are tested in
tests/emulator/test_emulator_lost_meetings.py: createsEventsOffline (microsoft-graph-docs #9741,
microsoft-graph-explorer-v4 #3315) and rescheduleDropsOnlineMeeting (msgraph-sdk-dotnet #2895,
microsoft-graph-docs #16336)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.e2e.test_e2e_card_actions import first_card, reschedule_data
from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import action_data, buttons, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
SCHEDULE = "schedule Budget review tomorrow 3pm with ann@contoso.com"

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def seed_user(emulator: Emulator, **switches: Any) -> None:
    await emulator.put(f"/_emulator/users/{USER_AAD}", switches)


async def test_an_event_created_without_its_link_is_said_at_once_and_one_button_adds_one(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """createsEventsOffline: POST .../events answers isOnlineMeeting false (graph-docs #9741)."""
    capture, url = connector
    await seed_user(emulator, createsEventsOffline=True)

    card = await first_card(bot, capture, SCHEDULE, url)

    words = card_text(card)
    assert "Outlook created this event without a Teams link" in words
    assert "has not provided a join link" not in words
    assert buttons(card) == ["Add a Teams link", "Cancel meeting"]
    assert await emulator.graph_calls("/events/", "GET") == []  # no polling for a link

    data = action_data(card, "add_standalone_link")
    added = await bot.press(invoke(data, url))
    again = await bot.press(invoke(data, url, activity_id="double-click"))

    [online] = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    [patch] = await emulator.graph_calls("/events/", "PATCH")
    assert set(patch["body"]) == {"body", "location"}
    [event] = await emulator.events_of(USER_AAD)
    [join] = join_urls(added)
    assert join.replace("&", "&amp;") in event["body"]["content"]
    assert event["location"]["displayName"] == "Microsoft Teams meeting"
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == ["ann@contoso.com"]
    assert "Teams link added to the event" in card_text(added)
    assert online["body"]["externalId"].startswith("meetingbot-")
    assert join_urls(again) == [join]


async def test_a_reschedule_that_drops_the_link_gets_it_back_and_join_is_the_current_link(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """rescheduleDropsOnlineMeeting: after a PATCH of start/end the event is offline
    (msgraph-sdk-dotnet #2895); the bot re-reads it and asks for the link again."""
    capture, url = connector
    await seed_user(emulator, rescheduleDropsOnlineMeeting=True)
    card = await first_card(bot, capture, SCHEDULE, url)

    moved = await bot.press(invoke(reschedule_data(card, "2026-11-27", "16:30", "30"), url))

    [event] = await emulator.events_of(USER_AAD)
    assert event["isOnlineMeeting"] is True
    assert join_urls(moved) == [event["onlineMeeting"]["joinUrl"]]
    patches = [call["body"] for call in await emulator.graph_calls("/events/", "PATCH")]
    assert patches[1] == {"isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"}
    assert "4:30" in card_text(moved)


async def test_a_reschedule_moves_the_standalone_meeting_whose_link_the_event_carries(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """createsEventsOffline, then "Add a Teams link", then Reschedule: the standalone meeting
    behind the link moves with the event (found by its join link: `$filter=JoinWebUrl`, never
    a second createOrGet), and the link stays the same."""
    capture, url = connector
    await seed_user(emulator, createsEventsOffline=True)
    card = await first_card(bot, capture, SCHEDULE, url)
    added = await bot.press(invoke(action_data(card, "add_standalone_link"), url))

    moved = await bot.press(invoke(reschedule_data(added, "2026-11-27", "16:30", "30"), url))

    [meeting] = await emulator.meetings_of(USER_AAD)
    [event] = await emulator.events_of(USER_AAD)
    assert meeting["startDateTime"].startswith("2026-11-27T15:30")  # 16:30 in Berlin (UTC+1)
    assert meeting["endDateTime"].startswith("2026-11-27T16:00")
    assert event["start"]["dateTime"].startswith("2026-11-27T15:30")
    assert join_urls(moved) == join_urls(added) == [meeting["joinWebUrl"]]
    assert len(await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")) == 1
    assert "4:30" in card_text(moved)


async def test_the_added_link_speaks_the_organizers_language(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """What "Add a Teams link" writes into the invitation everyone reads is in the language the
    organizer wrote in, never English by default."""
    capture, url = connector
    await seed_user(emulator, createsEventsOffline=True)
    await bot.post(
        message("agendar Orçamento amanhã às 15h com ann@contoso.com", url, locale="pt-BR")
    )
    card = capture.cards()[-1]

    await bot.press(invoke(action_data(card, "add_standalone_link"), url, locale="pt-BR"))

    [event] = await emulator.events_of(USER_AAD)
    assert "Ingressar na" in event["body"]["content"]
    assert "Join the meeting now" not in event["body"]["content"]
    assert event["location"]["displayName"] == "Reunião do Microsoft Teams"


async def test_a_reschedule_that_keeps_the_link_changes_nothing_else(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """Without the switch: one PATCH of start/end, one re-read, the same link."""
    capture, url = connector
    card = await first_card(bot, capture, SCHEDULE, url)

    moved = await bot.press(invoke(reschedule_data(card, "2026-11-27", "16:30", "30"), url))

    assert len(await emulator.graph_calls("/events/", "PATCH")) == 1
    assert join_urls(moved) == join_urls(card)


async def test_cancelling_a_standalone_meeting_says_what_graph_does_not_promise(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """DELETE /onlineMeetings/{id} answers 204, yet the link may still join for a while
    (microsoft-graph-docs #7802)."""
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)

    confirm = await bot.press(invoke(action_data(card, "cancel"), url))
    done = await bot.press(invoke(action_data(confirm, "cancel_confirmed"), url))

    assert "Teams tells no one" in card_text(confirm)
    words = card_text(done)
    assert "Cancelled" in words
    assert "may still let people in for a while" in words
    assert "Tell the people you shared the link with" in words
