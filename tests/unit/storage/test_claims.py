"""Card actions are claimed once in the database, across stores (replicas), and released when
the press failed, so the same press can be retried."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.conversation.turn import turn_from_activity
from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.meetings.service import MeetingService
from bot.runtime import build_conversation
from bot.storage.sql_store import SqlStore
from cards import Verb
from tests.support.activities import invoke, message
from tests.support.cardtext import action_data, card_text
from tests.support.servers import Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
SERVICE_URL = "http://127.0.0.1:9/unused"  # dispatch never calls the connector


async def test_an_action_is_claimed_once_until_released(store: SqlStore) -> None:
    assert await store.claim_action("k") is True
    assert await store.claim_action("k") is False
    await store.release_action("k")
    assert await store.claim_action("k") is True


async def test_concurrent_claims_on_two_replicas_give_exactly_one_winner(
    replicas: list[SqlStore],
) -> None:
    results = await asyncio.gather(
        *(replica.claim_action("double-click") for replica in replicas for _ in range(10))
    )

    assert sorted(results) == [False] * 19 + [True]


async def test_a_failed_reschedule_releases_its_claim_so_the_press_can_be_retried(
    store: SqlStore, emulator: Emulator, settings: Settings, closing: AsyncExitStack
) -> None:
    graph = GraphClient(emulator.base_url, StaticTokenProvider(), max_retries=0)
    service = MeetingService(graph, store, join_link_waits=(0.05,))
    conversation = build_conversation(settings, service, store, None, lambda: NOW)
    closing.push_async_callback(graph.aclose)

    async def send(activity: dict[str, Any]) -> dict[str, Any]:
        reply = await conversation.dispatch(turn_from_activity(activity, BERLIN))
        return dict(reply.card or reply.post[0].content)

    card = await send(message("schedule Review tomorrow 3pm", SERVICE_URL))
    [show] = [a for a in card["actions"] if a.get("title") == "Reschedule"]
    data = {**action_data(show["card"], Verb.RESCHEDULE), "date": "2026-11-27", "time": "11:00"}
    await emulator.inject(status=503, count=1, match="/events/", method="PATCH")

    failed = await send(invoke(data, SERVICE_URL))
    retried = await send(invoke(data, SERVICE_URL))
    repeated = await send(invoke(data, SERVICE_URL))

    assert "11:00" not in card_text(failed)
    assert "11:00" in card_text(retried)
    assert "11:00" in card_text(repeated)  # the done press shows the done state
    assert len(await emulator.graph_calls("/events/", "PATCH")) == 2  # the failure, the retry


@pytest.fixture
async def closing() -> AsyncIterator[AsyncExitStack]:
    async with AsyncExitStack() as stack:
        yield stack
