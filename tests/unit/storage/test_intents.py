"""Intents: written before the Graph call, completed after, found again when left pending."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.storage import IntentStatus
from bot.storage.sql_store import SqlStore

REQUEST = {"subject": "Budget review", "externalId": "key-1"}


async def test_an_intent_is_recorded_once_then_completed(store: SqlStore) -> None:
    assert await store.record_intent("key-1", "online", "t", "u", REQUEST) is True
    assert await store.record_intent("key-1", "online", "t", "u", REQUEST) is False

    await store.complete_intent("key-1", "graph-42", {"joinUrl": "https://x"})
    done = await store.find_intent("key-1")

    assert done is not None
    assert (done.status, done.graph_id, done.request) == (IntentStatus.DONE, "graph-42", REQUEST)
    assert done.result == {"joinUrl": "https://x"}
    assert await store.record_intent("key-1", "online", "t", "u", REQUEST) is False


async def test_pending_intents_are_the_incomplete_ones_older_than_asked(store: SqlStore) -> None:
    await store.record_intent("done", "event", "t", "u", REQUEST)
    await store.complete_intent("done", "g1")
    await store.record_intent("crashed", "event", "t", "u", REQUEST)

    later = await store.pending_intents(datetime.now(UTC) + timedelta(seconds=5))
    earlier = await store.pending_intents(datetime.now(UTC) - timedelta(minutes=5))

    assert [i.key for i in later] == ["crashed"]
    assert later[0].status is IntentStatus.PENDING
    assert earlier == []


async def test_an_abandoned_intent_can_be_recorded_again(store: SqlStore) -> None:
    await store.record_intent("key-1", "online", "t", "u", REQUEST)
    await store.abandon_intent("key-1", "GraphBadRequest")

    abandoned = await store.find_intent("key-1")
    again = await store.record_intent("key-1", "online", "t", "u", REQUEST)

    assert abandoned is not None
    assert (abandoned.status, abandoned.error) == (IntentStatus.ABANDONED, "GraphBadRequest")
    assert again is True
    revived = await store.find_intent("key-1")
    assert revived is not None
    assert (revived.status, revived.error) == (IntentStatus.PENDING, "")


async def test_a_redelivery_on_two_replicas_records_the_intent_once(
    replicas: list[SqlStore],
) -> None:
    results = await asyncio.gather(
        *(replica.record_intent("key-1", "event", "t", "u", REQUEST) for replica in replicas * 5)
    )

    assert results.count(True) == 1
