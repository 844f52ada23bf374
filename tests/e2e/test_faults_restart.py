"""A shutdown in the middle of a turn, and a crash between Graph's create and the bot's record:
work cut short posts an explanation, and the next start settles the intent it left pending
with the same idempotent request - the meeting is recorded and posted, never made twice."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot.meetings.model import idempotency_key
from bot.storage.sqlite import SqliteStore
from tests.support.activities import TENANT, USER_AAD
from tests.support.faulty import FaultyBot, Tuning, listed_and_cancelled
from tests.support.servers import Emulator

CONFIRMED = "Microsoft Graph has confirmed it now"


def age_intents(db: Path) -> None:
    """As if the bot had been down for ten minutes since the intents were written."""
    old = (datetime.now(UTC) - timedelta(minutes=10)).isoformat(timespec="microseconds")
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE intents SET created_at = ?", (old,))


async def posted_within(bot: FaultyBot, words: str, seconds: float = 10.0) -> str:
    """The first card posted that says `words` (the start-up reconciliation runs on its own)."""
    for _ in range(int(seconds / 0.05)):
        found = [text for text in bot.posted() if words in text]
        if found:
            return found[0]
        await asyncio.sleep(0.05)
    raise AssertionError(f"nothing posted saying {words!r}: {bot.posted()}")


@pytest.mark.parametrize("graph_timeout", [30.0])
async def test_work_cut_short_by_a_shutdown_is_explained_and_settled_at_the_next_start(
    faulty: FaultyBot, tuning: Tuning, emulator: Emulator, bot_db: Path
) -> None:
    await emulator.inject(latencyMs=30_000, match="createOrGet")
    await faulty.say("meet now Restart")
    faulty.runtime.background.grace = 0.2

    await faulty.stop()

    working, stopped = faulty.posted()
    assert working.startswith("Working on it")
    assert "I was stopped before I could finish this." in stopped
    age_intents(bot_db)
    await emulator.control.delete("/_emulator/faults")

    again = await tuning.start()
    try:
        assert "Restart" in await posted_within(again, CONFIRMED)
        assert len(await emulator.meetings_of(USER_AAD)) == 1
        await listed_and_cancelled(again, "Restart")
    finally:
        await again.stop()


async def test_a_crash_after_graph_created_it_leaves_no_orphan_and_no_duplicate(
    tuning: Tuning, emulator: Emulator, bot_db: Path
) -> None:
    """The intent was written, Graph created the meeting, the bot died before recording it."""
    key = idempotency_key("personal-conv-1", "activity-before-the-crash")
    body = {
        "externalId": key,
        "subject": "Crash",
        "startDateTime": "2026-12-01T10:00:00Z",
        "endDateTime": "2026-12-01T10:30:00Z",
    }
    store = SqliteStore(bot_db)
    await store.open()
    origin = {
        "reference": {
            "tenant_id": TENANT,
            "user_id": USER_AAD,
            "conversation_id": "personal-conv-1",
            "service_url": tuning.service_url,
        },
    }
    request = {"body": body, "tz": "", "name": "Jane Doe", "origin": origin}
    assert await store.record_intent(key, "online", TENANT, USER_AAD, request)
    await store.aclose()
    async with httpx.AsyncClient(headers={"Authorization": "Bearer test"}) as graph:
        made = await graph.post(
            f"{emulator.base_url}/users/{USER_AAD}/onlineMeetings/createOrGet", json=body
        )
    assert made.status_code == 201
    age_intents(bot_db)

    bot = await tuning.start()
    try:
        assert "Crash" in await posted_within(bot, CONFIRMED)
        [meeting] = await emulator.meetings_of(USER_AAD)
        assert meeting["id"] == made.json()["id"]
        assert [c["status"] for c in await emulator.graph_calls("createOrGet")] == [201, 200]
        assert await bot.pending() == []
        await listed_and_cancelled(bot, "Crash")
    finally:
        await bot.stop()
