"""Issue 16 in the Agents Playground, as a person does it: find a time and book a slot, a
recurring meeting's card, meeting options toggled, and a group-chat poll voted and booked.

The playground sends every message and button as its one current user (Alex Wilber): it has
no way to act as another member, so the poll here is voted by Alex alone; three members voting
at once is tests/e2e/test_e2e_poll.py. The bot runs on the real clock, so dates are computed
from today in the playground's zone; "next week" keeps every slot on a working day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from playwright.async_api import Locator, expect

from bot.dev.playground import CURRENT_USER, GROUP_CHAT_NAME, USERS
from tests.browser.conftest import PLAYGROUND_TZ
from tests.browser.playground_ui import INVOKE_PATH, Invoke, PlaygroundUI
from tests.browser.prereqs import screenshot_dir
from tests.support.servers import Emulator

DOCS = screenshot_dir()
ZONE = ZoneInfo(PLAYGROUND_TZ)
MEGAN = USERS[0]


def next_monday() -> date:
    today = datetime.now(ZONE).date()
    return today + timedelta(days=7 - today.weekday())


async def mailboxes(emulator: Emulator) -> None:
    """Alex and Megan as a real tenant has them: named mailboxes at their addresses."""
    for user in (CURRENT_USER, MEGAN):
        await emulator.put(
            f"/_emulator/users/{user.aad_object_id}/calendar",
            {"name": user.name, "address": user.email},
        )


async def press_first(ui: PlaygroundUI, card: Locator, title: str) -> Invoke:
    """Press the first of several buttons with this title; the invoke and its answer."""
    async with ui.page.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith(INVOKE_PATH)
    ) as answer:
        await ui.button(card, title).first.click()
    response = await answer.value
    request = response.request.post_data_json
    assert isinstance(request, dict)
    body: dict[str, Any] = await response.json()
    return Invoke(request=request, status=response.status, response=body)


async def test_find_a_time_in_the_personal_chat_and_book_a_slot(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await mailboxes(emulator)
    monday = next_monday()
    busy = {
        "subject": "Dentist",
        "start": {"dateTime": f"{monday}T09:00:00", "timeZone": PLAYGROUND_TZ},
        "end": {"dateTime": f"{monday}T10:00:00", "timeZone": PLAYGROUND_TZ},
    }
    placed = await emulator.control.post(
        f"/_emulator/users/{MEGAN.aad_object_id}/events", json=busy
    )
    assert placed.status_code == 201, placed.text
    await ui.open_chat("Personal Chat")

    await ui.send(f"find a time with {MEGAN.email} next week for 30m")

    card = ui.bot_cards("Times that work for everyone").last
    await expect(card).to_contain_text("10:00")
    bubble = await ui.pin(card, "slots")
    await ui.chat_pane().screenshot(path=DOCS / "playground-find-a-time.png")
    invoke = await press_first(ui, bubble, "Book this time")

    assert invoke.request["value"]["action"]["verb"] == "book_slot"
    await expect(bubble).to_contain_text("Meeting with Megan Bowen")
    await expect(ui.button(bubble, "Join")).to_be_visible()
    events = await emulator.events_of(CURRENT_USER.aad_object_id)
    assert [e["subject"] for e in events] == ["Meeting with Megan Bowen"]
    assert local_start(events[0]) == datetime.fromisoformat(f"{monday}T10:00:00")
    assert [a["emailAddress"]["address"] for a in events[0]["attendees"]] == [MEGAN.email]


async def test_a_recurring_meetings_card_says_its_rule(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await ui.open_chat("Personal Chat")

    await ui.send("schedule Standup every weekday 9:15")

    card = ui.bot_cards("Standup").last
    await expect(card).to_contain_text("Every weekday at 9:15")
    await expect(ui.button(card, "Join")).to_be_visible()
    await card.scroll_into_view_if_needed()
    await ui.chat_pane().screenshot(path=DOCS / "playground-recurring.png")
    [master] = await emulator.events_of(CURRENT_USER.aad_object_id)
    assert master["type"] == "seriesMaster"
    assert master["recurrence"]["pattern"]["daysOfWeek"] == [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
    ]


async def test_meeting_options_are_toggled_on_the_card(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await ui.open_chat("Personal Chat")
    await ui.send("meet now Options demo")
    card = ui.bot_cards("Options demo").last
    await expect(ui.button(card, "Join")).to_be_visible()
    bubble = await ui.pin(card, "options")

    await ui.button(bubble, "Meeting options").click()
    await bubble.get_by_role("combobox", name="Who skips the lobby").click()
    await ui.page.get_by_role("option", name="nobody waits").click()
    await bubble.get_by_role("checkbox", name="Record automatically").check()
    await ui.chat_pane().screenshot(path=DOCS / "playground-meeting-options.png")
    invoke = await ui.execute(bubble, "Save options")

    assert invoke.request["value"]["action"]["verb"] == "set_options"
    await expect(bubble).to_contain_text("Meeting options saved.")
    await expect(bubble).to_contain_text(re.compile(r"Recording\s*starts automatically"))
    await expect(bubble).to_contain_text(re.compile(r"Lobby\s*nobody waits"))
    [patch] = [
        c["body"]
        for c in await emulator.graph_calls("/onlineMeetings/", "PATCH")
        if "createOrGet" not in c["path"]
    ]
    assert patch["lobbyBypassSettings"] == {"scope": "everyone"}
    assert patch["recordAutomatically"] is True


async def test_a_group_chat_poll_is_voted_and_booked_by_its_creator(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await mailboxes(emulator)
    await ui.open_chat(GROUP_CHAT_NAME)

    await ui.send("find a time for everyone next week for 30m", mention_bot=True)

    card = ui.bot_cards("When should we meet?").last
    await expect(ui.button(card, "Works for me").first).to_be_visible()
    bubble = await ui.pin(card, "poll")
    voted = await press_first(ui, bubble, "Works for me")
    assert voted.request["value"]["action"]["verb"] == "poll_vote"
    await expect(bubble).to_contain_text(CURRENT_USER.name)
    await expect(ui.button(bubble, "✔ Works for me (tap to take back)")).to_be_visible()
    await ui.chat_pane().screenshot(path=DOCS / "playground-poll.png")

    booked = await ui.execute(bubble, "Book the winner")

    assert booked.request["value"]["action"]["verb"] == "poll_book"
    await expect(bubble).to_contain_text("Booked:")
    await expect(ui.button(bubble, "Join")).to_be_visible()
    [event] = await emulator.events_of(CURRENT_USER.aad_object_id)
    # Nobody readable is busy: the first half hour of Monday's working hours (08:00 UTC).
    assert local_start(event) == datetime.fromisoformat(f"{next_monday()}T09:00:00")
    assert event["isOnlineMeeting"] is True


def local_start(event: dict[str, Any]) -> datetime:
    """An event's start as wall-clock time in the playground's zone."""
    start = datetime.fromisoformat(event["start"]["dateTime"][:19]).replace(
        tzinfo=ZoneInfo(event["start"]["timeZone"])
    )
    return start.astimezone(ZONE).replace(tzinfo=None)
