"""Calendar events end to end: bot + Graph emulator + Bot Connector capture, over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.meetings.graph_docs import from_date_time_time_zone
from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import action_data, buttons, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.contract import assert_valid_graph
from tests.support.servers import BotUnderTest, Emulator

# Saturday 2026-10-31, noon in New York (EDT); "tomorrow" is the day clocks fall back to EST.
NOW = datetime(2026, 10, 31, 16, 0, tzinfo=UTC)
SCHEDULE = "schedule Budget review tomorrow 3pm for 45m with ann@contoso.com <at>Bob Lee</at>"
BOB = {
    "id": "29:bob",
    "name": "Bob Lee",
    "email": "Bob.Lee@contoso.com",
    "userPrincipalName": "bob.lee@contoso.com",
    "aadObjectId": "bbbbbbbb-0000-0000-0000-0000000000b0",
}

# Every request body the bot sends Graph is checked against Microsoft's schema.
pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


def schedule_message(service_url: str, **kwargs: Any) -> dict[str, Any]:
    return message(
        SCHEDULE,
        service_url,
        timezone="America/New_York",
        mentions=(("29:bob", "Bob Lee"),),
        **kwargs,
    )


async def dentist_without_teams_link(emulator: Emulator) -> str:
    """An event the user made in Outlook, not through the bot: no Teams link."""
    created = await emulator.control.post(
        f"/v1.0/users/{USER_AAD}/events",
        json={
            "subject": "Dentist",
            "start": {"dateTime": "2026-11-01T12:00:00", "timeZone": "UTC"},
            "end": {"dateTime": "2026-11-01T13:00:00", "timeZone": "UTC"},
        },
        headers={"Authorization": "Bearer test"},
    )
    assert created.status_code == 201, created.text
    event_id: str = created.json()["id"]
    return event_id


async def test_schedule_creates_one_online_event_at_the_right_instant_across_dst(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    capture.members["29:bob"] = BOB
    activity = schedule_message(service_url, activity_id="schedule-1")

    await bot.post(activity)
    await bot.post(activity)  # redelivered

    [event] = await emulator.events_of(USER_AAD)
    assert event["subject"] == "Budget review"
    assert event["isOnlineMeeting"] is True
    assert event["onlineMeetingProvider"] == "teamsForBusiness"
    assert from_date_time_time_zone(event["start"]) == datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
    assert from_date_time_time_zone(event["end"]) == datetime(2026, 11, 1, 20, 45, tzinfo=UTC)
    invited = [a["emailAddress"]["address"].lower() for a in event["attendees"]]
    assert invited == ["ann@contoso.com", "bob.lee@contoso.com"]
    first, second = capture.cards()
    assert join_urls(first) == [event["onlineMeeting"]["joinUrl"]]
    assert join_urls(second) == join_urls(first)
    text = card_text(first)
    assert "3:00\u202fPM – 3:45\u202fPM" in text
    assert "America/New_York" in text
    assert "Bob Lee" in text


async def test_event_requests_carry_timezone_and_transaction_id_and_match_the_contract(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    capture.members["29:bob"] = BOB
    await bot.post(schedule_message(service_url, activity_id="schedule-2"))

    [calendar_read] = await emulator.graph_calls("/calendar", "GET")
    assert f"/users/{USER_AAD}/calendar" in calendar_read["path"]
    [create] = await emulator.graph_calls("/events", "POST")
    body = create["body"]
    assert_valid_graph(body, "microsoft.graph.event", strict=True)
    assert body["start"] == {"dateTime": "2026-11-01T15:00:00", "timeZone": "Eastern Standard Time"}
    assert body["transactionId"].startswith("meetingbot-")
    assert "onlineMeetingUrl" not in body
    headers = {k.lower(): v for k, v in create["headers"].items()}
    assert headers["prefer"] == 'outlook.timezone="Eastern Standard Time"'


async def test_a_mention_without_an_email_in_the_roster_is_explained_and_nothing_is_created(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector  # the roster does not know Bob
    await bot.post(schedule_message(service_url))
    [card] = capture.cards()
    assert "could not find an e-mail address for Bob Lee" in card_text(card)
    assert await emulator.events_of(USER_AAD) == []


async def test_a_join_link_that_arrives_late_is_waited_for(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await emulator.put("/_emulator/settings", {"joinUrlDelaySeconds": 0.15})

    await bot.post(message("schedule Retro tomorrow 10am", service_url))

    [card] = capture.cards()
    [event] = await emulator.events_of(USER_AAD)
    assert join_urls(card) == [event["onlineMeeting"]["joinUrl"]]
    rereads = await emulator.graph_calls("/events/", "GET")
    assert rereads
    assert all("onlineMeeting" in str(r["query"]) for r in rereads)


async def test_a_join_link_that_never_arrives_is_said_not_shown_as_a_broken_button(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await emulator.put("/_emulator/settings", {"joinUrlDelaySeconds": 3600})

    await bot.post(message("schedule Retro tomorrow 10am", service_url))

    [card] = capture.cards()
    assert join_urls(card) == []
    assert "not provided a join link" in card_text(card)
    assert len(await emulator.graph_calls("/events/", "GET")) == 3  # bounded re-reads


async def test_when_teams_is_not_allowed_no_event_is_created_and_a_standalone_link_is_offered(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await emulator.put(
        f"/_emulator/users/{USER_AAD}/calendar",
        {"allowedOnlineMeetingProviders": ["unknown"], "defaultOnlineMeetingProvider": "unknown"},
    )

    await bot.post(message("schedule Planning tomorrow 10am", service_url))

    [card] = capture.cards()
    assert "does not allow Teams meetings" in card_text(card)
    assert await emulator.graph_calls("/events", "POST") == []
    offer = action_data(card, "create_standalone")
    created = await bot.press(invoke(offer, service_url))
    [stored] = await emulator.graph_calls("/onlineMeetings/createOrGet", "POST")
    assert stored["status"] == 201
    assert join_urls(created)
    assert "Planning" in card_text(created)


async def test_my_meetings_lists_soonest_first_marking_teams_links(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("schedule Review tomorrow 4pm", service_url))
    await bot.post(message("schedule Standup tomorrow 9am", service_url))
    await dentist_without_teams_link(emulator)

    await bot.post(message("my meetings", service_url))

    listing = capture.cards()[-1]
    text = card_text(listing)
    assert text.index("Standup") < text.index("Dentist") < text.index("Review")
    assert "No Teams link" in text
    assert buttons(listing).count("Join") == 2
    assert "Add Teams link" in buttons(listing)


async def test_add_teams_link_makes_an_existing_event_online(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    event_id = await dentist_without_teams_link(emulator)
    await bot.post(message("my meetings", service_url))

    card = await bot.press(invoke(action_data(capture.cards()[-1], "make_online"), service_url))

    [patch] = await emulator.graph_calls(f"/events/{event_id}", "PATCH")
    assert patch["body"] == {"isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"}
    [event] = await emulator.events_of(USER_AAD)
    assert join_urls(card) == [event["onlineMeeting"]["joinUrl"]]


async def test_cancel_by_name_cancels_the_event_and_notifies_through_graph(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("schedule Budget review tomorrow 3pm", service_url))

    await bot.post(message("cancel budget review", service_url))

    [cancel] = await emulator.graph_calls("/cancel", "POST")
    assert cancel["body"] == {"Comment": "Jane Doe cancelled this meeting in Microsoft Teams."}
    [event] = await emulator.events_of(USER_AAD)
    assert event["isCancelled"] is True
    card = capture.cards()[-1]
    assert "Cancelled" in card_text(card)
    assert join_urls(card) == []


async def test_cancel_by_name_of_a_standalone_meeting_deletes_it(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("meeting Weekly sync tomorrow 9am", service_url))

    await bot.post(message("cancel Weekly sync", service_url))

    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1
    assert "Cancelled" in card_text(capture.cards()[-1])


async def test_cancel_of_an_unknown_meeting_changes_nothing_and_says_how_to_find_one(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    await bot.post(message("cancel Nothing like this", service_url))
    assert "my meetings" in card_text(capture.cards()[-1])
    assert [c for c in await emulator.requests() if c["method"] in ("POST", "DELETE")] == []


async def test_a_zone_graph_does_not_list_is_sent_by_its_windows_name_never_as_utc(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector

    await bot.post(
        message("schedule Borrel tomorrow 5pm", service_url, timezone="Europe/Amsterdam")
    )

    [create] = await emulator.graph_calls("/events", "POST")
    # The invitation shows in the user's own zone (issue 12), not in UTC.
    assert create["body"]["start"] == {
        "dateTime": "2026-11-01T17:00:00",
        "timeZone": "W. Europe Standard Time",
    }
    [card] = capture.cards()
    assert "5:00\u202fPM" in card_text(card)
    assert "Europe/Amsterdam" in card_text(card)


async def test_the_emulator_refuses_zones_graph_does_not_list(emulator: Emulator) -> None:
    response = await emulator.control.post(
        f"/v1.0/users/{USER_AAD}/events",
        json={
            "subject": "x",
            "start": {"dateTime": "2026-11-01T12:00:00", "timeZone": "Europe/Amsterdam"},
            "end": {"dateTime": "2026-11-01T13:00:00", "timeZone": "Europe/Amsterdam"},
        },
        headers={"Authorization": "Bearer test"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "TimeZoneNotSupportedException"
