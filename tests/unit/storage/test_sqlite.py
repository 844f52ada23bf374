"""SQLite only: a bot upgraded in place keeps what its file held before migrations existed
(meetings, also from before `details`, card actions done, token caches); WAL mode; and a lock
held by another process costs a short wait on the store's thread, never the event loop."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.storage import StorageUnavailable, Upgrade
from bot.storage.migrations import latest
from bot.storage.sqlite import SqliteStore

START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
# The layout bot/meetings/store.py and bot/identity/token_cache.py created before migrations.
BEFORE_MIGRATIONS = """
CREATE TABLE meetings (tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL,
    graph_id TEXT NOT NULL, subject TEXT NOT NULL, start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL, join_url TEXT, cancelled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, user_id, kind, graph_id));
CREATE TABLE done_actions (action_key TEXT PRIMARY KEY, done_at TEXT NOT NULL);
CREATE TABLE user_token_caches (tenant_id TEXT NOT NULL, user_id TEXT NOT NULL,
    cache BLOB NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id));
CREATE TABLE sso_exchanges (exchange_key TEXT PRIMARY KEY, done_at TEXT NOT NULL);
"""


def old_file(path: Path, *, with_details: bool = True) -> None:
    schema = BEFORE_MIGRATIONS
    if not with_details:
        schema = schema.replace(
            "created_at TEXT NOT NULL, details TEXT NOT NULL DEFAULT '{}',",
            "created_at TEXT NOT NULL,",
        )
    with sqlite3.connect(path) as db:
        db.executescript(schema)
        db.execute(
            "INSERT INTO meetings (tenant_id, user_id, kind, graph_id, subject, start_utc, "
            "end_utc, join_url, cancelled, created_at) VALUES ('t','u','online','old','Old',?,?,"
            "'https://teams.microsoft.com/l/x',0,?)",
            (START.isoformat(), (START + timedelta(hours=1)).isoformat(), START.isoformat()),
        )
        db.execute("INSERT INTO done_actions VALUES ('pressed', ?)", (START.isoformat(),))
        db.execute("INSERT INTO user_token_caches VALUES ('t','u',?,?)", (b"sealed", "x"))
        db.execute("INSERT INTO sso_exchanges VALUES ('exchange-1', ?)", (START.isoformat(),))


async def test_todays_file_is_adopted_with_every_row(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    old_file(path)
    store = SqliteStore(path)

    upgrade = await store.open()

    assert upgrade == Upgrade(0, latest("sqlite"))
    found = await store.find("t", "u", "online", "old")
    assert found is not None
    assert (found.subject, found.start, found.join_url) == (
        "Old",
        START,
        "https://teams.microsoft.com/l/x",
    )
    assert [r.graph_id for r in await store.upcoming("t", "u", START)] == ["old"]
    assert await store.claim_action("pressed") is False
    assert await store.load_token_cache("t", "u") == b"sealed"
    assert await store.sso_exchanged("exchange-1") is True
    assert await store.record_intent("k", "online", "t", "u", {}) is True
    await store.aclose()


async def test_a_file_from_before_details_existed_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old_file(path, with_details=False)
    store = SqliteStore(path)

    found = await store.find("t", "u", "online", "old")  # opened and migrated on first use

    assert found is not None
    assert found.details == {}
    await store.aclose()


async def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "bot.sqlite3")
    await store.open()
    await store.aclose()

    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        [(mode,)] = db.execute("PRAGMA journal_mode").fetchall()

    assert mode == "wal"


def test_a_store_built_by_hand_can_be_closed_from_synchronous_code(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "bot.sqlite3")
    store.close()
    store.close()


async def test_a_lock_held_elsewhere_fails_fast_without_stalling_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = SqliteStore(path, busy_timeout=0.3)
    await store.open()
    other_process = sqlite3.connect(path, isolation_level=None)
    other_process.execute("BEGIN IMMEDIATE")
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(ticker())
    started = time.monotonic()
    with pytest.raises(StorageUnavailable, match="locked") as caught:
        await store.claim_action("k")
    waited = time.monotonic() - started
    ticking.cancel()
    other_process.execute("ROLLBACK")

    assert 0.25 < waited < 2
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert ticks >= 10  # the loop kept serving other conversations meanwhile
    assert await store.claim_action("k") is True
    other_process.close()
    await store.aclose()


@pytest.mark.parametrize(
    "value",
    [
        {"b": 1, "a": [None, True, 2.5]},
        {"subject": "Müller € 会議", "nested": {"z": {}, "y": []}},
        {},
    ],
    ids=["sorted", "non-ascii", "empty"],
)
def test_a_json_column_is_written_sorted_and_compact(value: dict[str, object]) -> None:
    store = SqliteStore()
    try:
        written = store._sqlite.json(value)
    finally:
        store.close()
    assert written == json.dumps(value, sort_keys=True, separators=(",", ":"))
