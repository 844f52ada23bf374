"""End to end over real HTTP: bot app + Graph emulator + Bot Connector capture on loopback."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.activities import USER_AAD, message
from tests.support.cardtext import card_text as texts
from tests.support.cardtext import join_urls
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

# Every request body the bot sends Graph is checked against Microsoft's schema.
pytestmark = pytest.mark.usefixtures("graph_contract")


async def meetings_with_url(emulator: Emulator, url: str) -> list[dict[str, Any]]:
    """Ask the emulator the way Graph is asked: $filter on JoinWebUrl."""
    async with httpx.AsyncClient(headers={"Authorization": "Bearer test"}) as graph:
        response = await graph.get(
            f"{emulator.base_url}/users/{USER_AAD}/onlineMeetings",
            params={"$filter": f"JoinWebUrl eq '{url}'"},
        )
    response.raise_for_status()
    found: list[dict[str, Any]] = response.json()["value"]
    return found


async def test_meet_now_replies_with_a_join_card_for_the_stored_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector

    response = await bot.post(message("meet now Design sync", service_url))

    assert response.status_code in (200, 201)
    [card] = capture.cards()
    [url] = join_urls(card)
    assert url.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert "Design sync" in texts(card)
    assert "Europe/Berlin" in texts(card)
    [stored] = await meetings_with_url(emulator, url)
    assert stored["subject"] == "Design sync"
    assert stored["joinWebUrl"] == url
    assert capture.unexpected == []


async def test_the_same_activity_twice_creates_one_meeting(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    activity = message("meet now", service_url, activity_id="activity-42")

    await bot.post(activity)
    await bot.post(activity)

    first, second = capture.cards()
    assert join_urls(first) == join_urls(second)
    # The second delivery finds its intent done and the meeting recorded: Graph is not asked.
    statuses = [c["status"] for c in await emulator.graph_calls("/onlineMeetings/createOrGet")]
    assert statuses == [201]


async def test_group_chat_mention_is_stripped_before_the_command_is_read(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    activity = message(
        "meet now Standup",
        service_url,
        conversation_type="groupChat",
        conversation_id="19:group@thread.v2",
        mention_bot=True,
    )

    await bot.post(activity)

    [card] = capture.cards()
    assert join_urls(card)
    assert "Standup" in texts(card)
    assert "Meeting Bot" not in texts(card)


async def test_help_and_unknown_text_answer_with_the_command_list(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector

    await bot.post(message("help", service_url))
    await bot.post(message("what can you do?", service_url))

    help_card, unknown_card = capture.cards()
    for card in (help_card, unknown_card):
        assert "meet now" in texts(card)
        assert "schedule" in texts(card)
    assert not join_urls(help_card)


async def test_time_shown_in_the_senders_zone_falls_back_to_utc(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector

    await bot.post(message("meet now", service_url, timezone=None))

    [card] = capture.cards()
    assert "UTC" in texts(card)
