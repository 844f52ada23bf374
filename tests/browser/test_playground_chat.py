"""End to end in a Teams-like client: the Agents Playground UI in Chromium, the bot on loopback,
the Graph emulator behind it. What is asserted is what a person in the chat would see."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from playwright.async_api import Locator, expect

from bot.dev.playground import CURRENT_USER, GROUP_CHAT_NAME
from tests.browser.playground_ui import PlaygroundUI
from tests.browser.prereqs import screenshot_dir
from tests.support.servers import Emulator

DOCS = screenshot_dir()
JOIN_PREFIX = "https://teams.microsoft.com/l/meetup-join/"


async def stored_meetings(emulator: Emulator, join_url: str) -> list[dict[str, Any]]:
    """Ask the emulator as Graph is asked: the organizer's onlineMeetings, $filter on the URL."""
    async with httpx.AsyncClient(headers={"Authorization": "Bearer x"}) as graph:
        response = await graph.get(
            f"{emulator.base_url}/users/{CURRENT_USER.aad_object_id}/onlineMeetings",
            params={"$filter": f"JoinWebUrl eq '{join_url}'"},
        )
    response.raise_for_status()
    found: list[dict[str, Any]] = response.json()["value"]
    return found


async def join_target(ui: PlaygroundUI, subject: str, card: Locator | None = None) -> str:
    """Wait for the bot's card about `subject` (or `card`), press Join, return the URL it
    opened."""
    card = card if card is not None else ui.bot_cards(subject).last
    join = ui.button(card, "Join")
    await expect(join).to_be_visible()
    before = len(ui.network.blocked)
    await join.click()
    # The Join popup goes to teams.microsoft.com, which the network guard records and blocks.
    for _ in range(100):
        opened = [url for url in ui.network.blocked[before:] if url.startswith(JOIN_PREFIX)]
        if opened:
            return opened[0]
        await asyncio.sleep(0.05)
    raise AssertionError(f"pressing Join opened no Teams join link; blocked: {ui.network.blocked}")


async def test_meet_now_in_the_personal_chat_shows_a_join_card_for_the_stored_meeting(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    await playground_ui.open_chat("Personal Chat")

    await playground_ui.send("meet now Weekly sync")

    join_url = await join_target(playground_ui, "Weekly sync")
    card = playground_ui.bot_cards("Weekly sync").last
    # The playground sends its process's TZ as clientInfo.timezone; the card shows that zone.
    await expect(card).to_contain_text("Europe/Berlin")
    await playground_ui.page.screenshot(path=DOCS / "playground-personal-meet-now.png")
    [stored] = await stored_meetings(emulator, join_url)
    assert stored["joinWebUrl"] == join_url
    assert stored["subject"] == "Weekly sync"


async def test_group_chat_answers_a_mention_and_ignores_other_messages(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    await playground_ui.open_chat(GROUP_CHAT_NAME)

    await playground_ui.send("meet now Coffee chatter")
    await expect(playground_ui.messages("meet now Coffee chatter")).to_have_count(1)
    await playground_ui.send("meet now Roadmap review", mention_bot=True)

    join_url = await join_target(playground_ui, "Roadmap review")
    [stored] = await stored_meetings(emulator, join_url)
    assert stored["subject"] == "Roadmap review"
    # The message without the mention got no card and created no meeting.
    await expect(playground_ui.bot_cards("Coffee chatter")).to_have_count(0)
    created = await emulator.graph_calls("/onlineMeetings/createOrGet")
    assert len(created) == 1
