"""Card buttons end to end: adaptiveCard/action invokes change Graph once and update the card."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import OTHER_AAD, USER_AAD, invoke, message
from tests.support.cardtext import action_data, buttons, card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Berlin, the sender's zone

# Every request body the bot sends Graph is checked against Microsoft's schema.
pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def first_card(
    bot: BotUnderTest, capture: ConnectorCapture, text: str, url: str
) -> dict[str, Any]:
    await bot.post(message(text, url))
    return capture.cards()[-1]


def form_data(**changes: str) -> dict[str, str]:
    """What the scheduling form's Create button sends, with the fields a test changes."""
    return {
        "action": "form_submit",
        "subject": "Planning",
        "date": "2026-11-26",
        "time": "10:00",
        "duration": "30",
        "invite": "event",
        **changes,
    }


def facts(card: dict[str, Any]) -> list[str]:
    return [line for line in card_text(card).splitlines() if ": " in line]


def reschedule_data(card: dict[str, Any], date: str, time: str, duration: str) -> dict[str, Any]:
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    data = action_data(show["card"], "reschedule")
    return {**data, "date": date, "time": time, "duration": duration}


async def test_cancel_asks_then_cancels_once_and_a_second_press_changes_nothing(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meet now Design sync", url)
    assert "Organizer: Jane Doe" in facts(card)

    confirm = await bot.press(invoke(action_data(card, "cancel"), url))
    assert "Cancel this meeting?" in card_text(confirm)
    assert await emulator.graph_calls("/onlineMeetings/", "DELETE") == []

    yes = action_data(confirm, "cancel_confirmed")
    done = await bot.press(invoke(yes, url))
    again = await bot.press(invoke(yes, url, activity_id="redelivered"))

    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1
    for result in (done, again):
        assert "Cancelled" in card_text(result)
        assert join_urls(result) == []
        assert facts(result) == facts(card)  # the same meeting details, just cancelled


async def test_keep_it_returns_the_meeting_card_unchanged(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meet now Design sync", url)
    confirm = await bot.press(invoke(action_data(card, "cancel"), url))
    kept = await bot.press(invoke(action_data(confirm, "show"), url))
    assert join_urls(kept) == join_urls(card)
    assert await emulator.graph_calls("/onlineMeetings/", "DELETE") == []


async def test_reschedule_an_event_patches_only_start_and_end_once(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "schedule Budget review tomorrow 3pm", url)
    [before] = await emulator.events_of(USER_AAD)
    data = reschedule_data(card, "2026-11-27", "16:30", "45")

    moved = await bot.press(invoke(data, url))
    await bot.press(invoke(data, url, activity_id="double-click"))

    [patch] = await emulator.graph_calls("/events/", "PATCH")
    assert set(patch["body"]) == {"start", "end"}
    assert patch["body"]["start"] == {
        "dateTime": "2026-11-27T16:30:00",
        "timeZone": "W. Europe Standard Time",
    }
    assert patch["body"]["end"] == {
        "dateTime": "2026-11-27T17:15:00",
        "timeZone": "W. Europe Standard Time",
    }
    assert "Nov 27, 2026, 4:30\u202fPM – 5:15\u202fPM" in card_text(moved)
    [after] = await emulator.events_of(USER_AAD)
    assert after["onlineMeeting"]["joinUrl"] == before["onlineMeeting"]["joinUrl"]
    assert join_urls(moved) == [before["onlineMeeting"]["joinUrl"]]


async def test_reschedule_a_standalone_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    moved = await bot.press(invoke(reschedule_data(card, "2026-11-26", "17:00", "30"), url))
    [patch] = await emulator.graph_calls("/onlineMeetings/", "PATCH")
    assert set(patch["body"]) == {"startDateTime", "endDateTime"}
    assert "5:00\u202fPM – 5:30\u202fPM" in card_text(moved)


async def test_reschedule_into_the_past_is_refused_on_the_card(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    refused = await bot.press(invoke(reschedule_data(card, "2026-11-20", "09:00", "30"), url))
    assert "already passed" in card_text(refused)
    assert await emulator.graph_calls("/onlineMeetings/", "PATCH") == []


async def test_add_to_calendar_creates_one_event_carrying_the_same_join_link(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meeting Retro tomorrow 3pm", url)
    [join] = join_urls(card)
    data = action_data(card, "add_to_calendar")

    added = await bot.press(invoke(data, url))
    await bot.press(invoke(data, url, activity_id="double-click"))

    [event] = await emulator.events_of(USER_AAD)
    assert (
        join.replace("&", "&amp;") in event["body"]["content"] or join in event["body"]["content"]
    )
    assert event["isOnlineMeeting"] is False  # a second Teams link would be a different meeting
    assert "Added to your calendar" in card_text(added)


@pytest.mark.parametrize(
    "extra",
    [
        {"action": "cancel_confirmed"},
        {"action": "cancel"},
        {"action": "reschedule", "date": "2026-11-27", "time": "09:00", "duration": "30"},
        {"action": "add_to_calendar"},
        {"action": "show"},
    ],
    ids=["cancel-confirmed", "cancel", "reschedule", "add-to-calendar", "show"],
)
async def test_another_user_pressing_a_button_is_told_and_nothing_changes(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    extra: dict[str, str],
) -> None:
    capture, url = connector
    card = await first_card(bot, capture, "meet now Design sync", url)
    before = len(await emulator.requests())
    data = {**action_data(card, "cancel"), **extra}  # names Jane's meeting

    refused = await bot.press(invoke(data, url, aad_object_id=OTHER_AAD, sender_id="29:other"))

    assert "Only the meeting's organizer" in card_text(refused)
    assert len(await emulator.requests()) == before  # no Graph call at all


async def test_action_submit_from_the_help_card_runs_the_command(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    help_card = await first_card(bot, capture, "help", url)
    example = next(a["data"] for a in help_card["actions"] if a["type"] == "Action.Submit")

    await bot.post(message("", url, value=example))

    assert join_urls(capture.cards()[-1])


async def test_new_meeting_on_the_help_card_posts_the_form_as_a_new_message(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    help_card = await first_card(bot, capture, "help", url)
    [new_meeting] = [a for a in help_card["actions"] if a["title"] == "New meeting…"]

    response = await bot.post(message("", url, value=new_meeting["data"]))

    assert response.status_code == 201  # a message, answered with a new message: no update
    help_again, form = capture.cards()
    assert help_again == help_card
    assert "Create meeting" in buttons(form)


async def test_schedule_alone_opens_the_form_and_errors_come_back_with_input_kept(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    form = await first_card(bot, capture, "schedule", url)
    assert "New meeting" in card_text(form)
    bad = form_data(subject="", date="2026-11-20", time="09:00", duration="45")

    back = await bot.press(invoke(bad, url))

    text = card_text(back)
    assert "Give the meeting a subject." in text
    assert "already passed" in text
    assert '"2026-11-20"' in str(back).replace("'", '"')
    assert await emulator.graph_calls("/events") == []


async def test_the_form_creates_one_event_even_when_submitted_twice(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _capture, url = connector
    good = form_data()

    made = await bot.press(invoke(good, url, reply_to_id="form-card-7"))
    await bot.press(invoke(good, url, reply_to_id="form-card-7", activity_id="second-click"))

    [event] = await emulator.events_of(USER_AAD)
    assert event["subject"] == "Planning"
    assert join_urls(made) == [event["onlineMeeting"]["joinUrl"]]


async def test_the_form_can_make_a_link_only_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _capture, url = connector
    link = form_data(subject="Quick chat", duration="15", invite="link")
    made = await bot.press(invoke(link, url))
    assert await emulator.events_of(USER_AAD) == []
    assert len(await emulator.graph_calls("/onlineMeetings/createOrGet")) == 1
    assert "Add to calendar" in buttons(made)


async def close_directory(emulator: Emulator) -> None:
    """Only seeded users exist (the sender is one): the roster is the picker's only help."""
    await emulator.put("/_emulator/tenants/default", {"directory": "closed"})
    await emulator.put(f"/_emulator/users/{USER_AAD}", {"displayName": "Jane Doe"})


async def test_people_the_directory_does_not_know_are_found_in_the_roster(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    """The directory comes first (tests/e2e/test_real_tenant_people.py); the roster is the
    fallback."""
    capture, url = connector
    await close_directory(emulator)
    capture.members["aad-ann"] = {
        "id": "29:ann",
        "name": "Ann Lee",
        "aadObjectId": "aad-ann",
        "email": "ann@contoso.com",
        "userPrincipalName": "ann@contoso.com",
    }
    form = form_data(attendees="aad-ann")

    await bot.press(invoke(form, url))

    [event] = await emulator.events_of(USER_AAD)
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == ["ann@contoso.com"]


async def test_someone_picked_who_is_found_nowhere_is_explained_and_nothing_is_created(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    _, url = connector
    await close_directory(emulator)
    form = form_data(attendees="aad-stranger")

    card = await bot.press(invoke(form, url))

    assert "could not find someone you picked in your organization's directory" in card_text(card)
    assert "aad-stranger" not in card_text(card)
    assert await emulator.events_of(USER_AAD) == []
