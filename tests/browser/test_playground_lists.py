"""Lists in the Agents Playground, as a person uses them: a row's button changes that row and the
list stays; a long list comes ten at a time with "More"; `cancel <name>` with two matches offers
the two, and cancelling one leaves the other.

The bot runs on the real clock in the playground's zone (Europe/Berlin); the emulator holds the
user's calendar, seeded as Outlook would have it (events without a Teams link).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta

from playwright.async_api import Locator, expect

from bot.dev.playground import CURRENT_USER
from tests.browser.playground_ui import PlaygroundUI
from tests.browser.test_playground_schedule import SETTLE_SECONDS, ZONE
from tests.support.servers import Emulator


async def outlook_events(emulator: Emulator, count: int) -> None:
    """`count` events from tomorrow 08:00 in Berlin, an hour apart: "Event 01", "Event 02"..."""
    first = datetime.combine(datetime.now(ZONE).date() + timedelta(days=1), time(8), ZONE)
    for n in range(count):
        start = (first + timedelta(hours=n)).astimezone(UTC)
        end = start + timedelta(minutes=30)
        response = await emulator.control.post(
            f"/v1.0/users/{CURRENT_USER.aad_object_id}/events",
            json={
                "subject": f"Event {n + 1:02d}",
                "start": {"dateTime": f"{start:%Y-%m-%dT%H:%M:%S}", "timeZone": "UTC"},
                "end": {"dateTime": f"{end:%Y-%m-%dT%H:%M:%S}", "timeZone": "UTC"},
            },
            headers={"Authorization": "Bearer playground"},
        )
        assert response.status_code == 201, response.text


async def listed(ui: PlaygroundUI, command: str, title: str) -> Locator:
    """Send `command` in the personal chat; the list card it answers with, pinned."""
    await ui.open_chat("Personal Chat")
    await ui.send(command)
    card = ui.bot_cards(title).last
    await expect(card).to_be_visible()
    return await ui.pin(card, "list")


async def nothing_posted(ui: PlaygroundUI, cards: int, posts: int) -> None:
    """Changed in place: no new message from the bot."""
    await asyncio.sleep(SETTLE_SECONDS)
    await expect(ui.all_bot_cards()).to_have_count(cards)
    await expect(ui.sent_by_bot()).to_have_count(posts)


async def test_a_rows_cancel_changes_that_row_and_the_list_stays(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await outlook_events(emulator, 2)
    await ui.open_chat("Personal Chat")
    await ui.send("meeting Retro tomorrow 8:30am")
    await expect(ui.bot_cards("Retro")).to_have_count(1)
    listing = await listed(ui, "my meetings", "Your meetings")
    cards, posts = await ui.all_bot_cards().count(), await ui.sent_by_bot().count()
    await expect(ui.row(listing, "Retro")).to_be_visible()

    await ui.execute(ui.row(listing, "Retro"), "Cancel")

    retro = ui.row(listing, "Retro")
    await expect(retro).to_contain_text("Cancel this meeting? Teams tells no one")
    await ui.execute(retro, "Yes, cancel it")

    await expect(ui.row(listing, "Retro")).to_contain_text("Cancelled")
    await expect(ui.row(listing, "Retro").get_by_role("button")).to_have_count(0)
    for other in ("Event 01", "Event 02"):  # the other rows, as they were
        await expect(ui.button(ui.row(listing, other), "Add Teams link")).to_be_visible()
    await expect(listing).to_contain_text("Your meetings")
    await nothing_posted(ui, cards, posts)
    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1


async def test_add_teams_link_on_a_row_gives_only_that_row_its_join_button(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await outlook_events(emulator, 3)
    listing = await listed(ui, "my meetings", "Your meetings")

    await ui.execute(ui.row(listing, "Event 02"), "Add Teams link")

    second = ui.row(listing, "Event 02")
    await expect(second).to_contain_text("Teams link added.")
    await expect(ui.button(second, "Join")).to_be_visible()
    for other in ("Event 01", "Event 03"):
        await expect(ui.button(ui.row(listing, other), "Add Teams link")).to_be_visible()
        await expect(ui.button(ui.row(listing, other), "Join")).to_have_count(0)


async def test_my_meetings_comes_ten_at_a_time_with_more(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await outlook_events(emulator, 23)
    listing = await listed(ui, "my meetings", "Your meetings")
    await expect(listing).to_contain_text("1–10 of 23")
    await expect(listing.get_by_role("button", name="Add Teams link")).to_have_count(10)

    await ui.execute(listing, "More")

    await expect(listing).to_contain_text("11–20 of 23")
    await expect(listing).to_contain_text("Event 11")
    await expect(listing).not_to_contain_text("Event 10")
    await ui.execute(listing, "More")
    await expect(listing).to_contain_text("21–23 of 23")
    await expect(ui.button(listing, "More")).to_have_count(0)
    await ui.execute(listing, "Back to the first")
    await expect(listing).to_contain_text("1–10 of 23")


async def test_cancel_by_text_with_two_matches_offers_both_and_cancels_the_one_picked(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await ui.open_chat("Personal Chat")
    await ui.send("meeting Review budget tomorrow 3pm")
    await expect(ui.bot_cards("Review budget")).to_have_count(1)
    await ui.send("meeting Review roadmap tomorrow 4pm")
    await expect(ui.bot_cards("Review roadmap")).to_have_count(1)

    pick = await listed(ui, "cancel Review", "Which “Review”?")

    await expect(pick.get_by_role("button", name="Cancel", exact=True)).to_have_count(2)
    assert await emulator.graph_calls("/onlineMeetings/", "DELETE") == []
    await ui.execute(ui.row(pick, "Review roadmap"), "Cancel")
    await ui.execute(ui.row(pick, "Review roadmap"), "Yes, cancel it")
    await expect(ui.row(pick, "Review roadmap")).to_contain_text("Cancelled")
    await expect(ui.button(ui.row(pick, "Review budget"), "Cancel")).to_be_visible()
    assert len(await emulator.graph_calls("/onlineMeetings/", "DELETE")) == 1
