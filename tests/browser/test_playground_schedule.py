"""`schedule` in the Agents Playground, then Cancel on the card, as a person does it in Teams.

The bot runs on the real clock and takes the user's zone from the playground's clientInfo (its
process's TZ, Europe/Berlin here), so "tomorrow 10am" is 10:00 tomorrow in Berlin. The card's
buttons are Action.Execute: the playground sends an `adaptiveCard/action` invoke and puts the
card the bot answers with in place of the pressed one, as Teams does.
"""

from __future__ import annotations

import asyncio
import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from playwright.async_api import Locator, expect

from bot.dev.playground import CURRENT_USER
from tests.browser.conftest import PLAYGROUND_TZ
from tests.browser.playground_ui import INVOKE_NOTE, Invoke, PlaygroundUI
from tests.browser.test_playground_chat import DOCS, join_target
from tests.support.servers import Emulator

ZONE = ZoneInfo(PLAYGROUND_TZ)
SUBJECT = "Planning"
COMMAND = f"schedule {SUBJECT} tomorrow 10am for 30m"
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
#: How long a message the bot might have sent instead of updating the card gets to show up.
SETTLE_SECONDS = 0.5


def tomorrow_in_zone() -> date:
    return datetime.now(ZONE).date() + timedelta(days=1)


def when_text(day: date) -> str:
    """The card's "When" in en-US (CLDR puts a narrow no-break space before AM, hence \\s*)."""
    return rf"{day:%b} {day.day}, {day.year}, 10:00\s*AM\s*–\s*10:30\s*AM"


def graph_instant(value: dict[str, str]) -> datetime:
    """A Graph dateTimeTimeZone ("2026-11-26T09:00:00.0000000", "UTC") as an aware datetime."""
    return datetime.fromisoformat(value["dateTime"][:19]).replace(
        tzinfo=ZoneInfo(value["timeZone"])
    )


async def scheduled_card(ui: PlaygroundUI, emulator: Emulator) -> tuple[Locator, str, set[date]]:
    """Send the command in the personal chat; the bot's card, the URL its Join opened, and
    the day(s) "tomorrow" can mean in Berlin while it ran (two only across midnight)."""
    # The organizer's display name, as a real tenant's mailbox has it (else the emulator
    # names the organizer by object id).
    await emulator.put(
        f"/_emulator/users/{CURRENT_USER.aad_object_id}/calendar",
        {"name": CURRENT_USER.name, "address": CURRENT_USER.email},
    )
    await ui.open_chat("Personal Chat")
    days = {tomorrow_in_zone()}
    await ui.send(COMMAND)
    join_url = await join_target(ui, SUBJECT)
    await ui.close_popups()
    days.add(tomorrow_in_zone())
    return ui.bot_cards(SUBJECT).last, join_url, days


async def the_event(emulator: Emulator) -> dict[str, Any]:
    """The one event in the user's calendar (cancelled ones stay listed)."""
    events = await emulator.events_of(CURRENT_USER.aad_object_id)
    assert [event["subject"] for event in events] == [SUBJECT], events
    return events[0]


def assert_answered_with_card(invoke: Invoke, verb: str, shows: str) -> None:
    """The page sent an adaptiveCard/action invoke for `verb`; the bot answered with a card."""
    assert invoke.request["name"] == "adaptiveCard/action", invoke.request
    action = invoke.request["value"]["action"]
    assert (action["type"], action["verb"]) == ("Action.Execute", verb), action
    assert invoke.status == 200, invoke
    assert invoke.response["type"] == CARD_TYPE, invoke.response
    assert shows in str(invoke.response["value"]), invoke.response


async def test_schedule_tomorrow_10am_shows_berlin_time_and_stores_an_online_event(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    card, join_url, days = await scheduled_card(playground_ui, emulator)

    await expect(card).to_contain_text(f"({PLAYGROUND_TZ})")
    await expect(card).to_contain_text(CURRENT_USER.name)
    when = "|".join(f"(?:{when_text(day)})" for day in sorted(days))
    await expect(card).to_contain_text(re.compile(when))
    await card.scroll_into_view_if_needed()
    await playground_ui.chat_pane().screenshot(path=DOCS / "playground-schedule.png")

    event = await the_event(emulator)
    assert event["isOnlineMeeting"] is True
    assert event["isCancelled"] is False
    start, end = graph_instant(event["start"]), graph_instant(event["end"])
    assert start.astimezone(ZONE).date() in days
    assert start.astimezone(ZONE).time() == time(10, 0)
    assert end - start == timedelta(minutes=30)
    assert event["onlineMeeting"]["joinUrl"] == join_url


async def test_cancel_on_the_card_confirms_then_updates_the_same_message(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    card, _, _ = await scheduled_card(ui, emulator)
    bubble = await ui.pin(card, "planning")
    bot_cards = await ui.all_bot_cards().count()
    bot_posts = await ui.sent_by_bot().count()
    assert (bot_cards, bot_posts) == (2, 2)  # the welcome card and the meeting card

    invoke = await ui.execute(bubble, "Cancel")

    assert_answered_with_card(invoke, "cancel", "Cancel this meeting?")
    await expect(bubble).to_contain_text("Cancel this meeting?")
    await expect(ui.button(bubble, "Yes, cancel it")).to_be_visible()
    await expect(ui.button(bubble, "Keep it")).to_be_visible()
    await expect(ui.button(bubble, "Join")).to_have_count(0)
    await expect(bubble.locator(INVOKE_NOTE)).to_contain_text("Your response was sent to the app")
    await ui.chat_pane().screenshot(path=DOCS / "playground-cancel-confirm.png")
    assert (await the_event(emulator))["isCancelled"] is False

    invoke = await ui.execute(bubble, "Yes, cancel it")

    assert_answered_with_card(invoke, "cancel_confirmed", "Cancelled")
    await expect(bubble).to_contain_text("Cancelled")
    await expect(bubble).not_to_contain_text("Cancel this meeting?")
    await expect(ui.button(bubble, "Join")).to_have_count(0)
    await expect(bubble.locator(".ac-adaptiveCard").get_by_role("button")).to_have_count(0)
    await ui.chat_pane().screenshot(path=DOCS / "playground-cancelled.png")
    assert (await the_event(emulator))["isCancelled"] is True
    # In place: `bubble` still finds the pinned element, and the bot posted nothing new.
    await asyncio.sleep(SETTLE_SECONDS)
    await expect(ui.all_bot_cards()).to_have_count(bot_cards)
    await expect(ui.sent_by_bot()).to_have_count(bot_posts)
    await expect(ui.messages(COMMAND)).to_have_count(1)
