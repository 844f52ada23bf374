"""Schema migrations: applied once, under a lock, by the bot at start-up or `meeting-bot db
upgrade`; an older database keeps its rows; a newer one is refused, naming both versions."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.storage import SchemaTooNew, Upgrade
from bot.storage.migrations import latest, migrations
from bot.storage.sql_store import SqlStore
from tests.unit.storage.conftest import Backend
from tests.unit.storage.test_polls import POLL

FUTURE = "INSERT INTO schema_version (version, name, applied_at) VALUES ({v}, 'future', '{t}')"
WHEN = "2030-01-01T00:00:00+00:00"


def versions(backend: Backend) -> list[int]:
    return [int(str(v)) for (v,) in backend.sql("SELECT version FROM schema_version ORDER BY 1")]


async def test_a_fresh_database_gets_every_migration_once(backend: Backend) -> None:
    store = backend.store()
    first = await store.open()
    await store.aclose()
    store = backend.store()
    second = await store.open()
    await store.aclose()

    newest = latest(backend.name)
    assert newest >= 2
    assert (first, second) == (Upgrade(0, newest), Upgrade(newest, newest))
    assert versions(backend) == list(range(1, newest + 1))


async def test_a_database_of_an_older_bot_is_upgraded_and_keeps_its_rows(backend: Backend) -> None:
    [first, *_] = migrations(backend.name)
    backend.script(first.sql)
    backend.script(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        f"applied_at TEXT NOT NULL); {FUTURE.format(v=1, t=WHEN)};"
        "INSERT INTO done_actions VALUES ('pressed-before', '2026-11-01T00:00:00+00:00');"
    )
    store = backend.store()

    upgrade = await store.open()

    assert upgrade == Upgrade(1, latest(backend.name))
    assert await store.claim_action("pressed-before") is False
    assert await store.schedule_job("reminder", datetime(2026, 12, 1, tzinfo=UTC), {})
    await store.aclose()


async def test_a_database_from_before_polls_gets_their_tables_and_keeps_its_rows(
    backend: Backend,
) -> None:
    """Version 3 moved poll votes into the bot's database (they had a SQLite file of their
    own, which replicas on PostgreSQL could not share)."""
    first, second, *_ = migrations(backend.name)
    backend.script(first.sql)
    backend.script(second.sql)
    backend.script(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        f"applied_at TEXT NOT NULL); {FUTURE.format(v=1, t=WHEN)}; {FUTURE.format(v=2, t=WHEN)};"
        "INSERT INTO done_actions VALUES ('pressed-before', '2026-11-01T00:00:00+00:00');"
    )
    store = backend.store()

    upgrade = await store.open()

    assert upgrade == Upgrade(2, latest(backend.name))
    assert versions(backend)[:3] == [1, 2, 3]
    assert await store.claim_action("pressed-before") is False
    assert await store.create_poll(POLL) == POLL
    await store.record_vote(POLL.poll_id, "aad-jane", 0, True)
    assert await store.votes(POLL.poll_id) == {"aad-jane": frozenset({0})}
    assert await store.close_poll(POLL.poll_id, 0) is True
    await store.aclose()


async def test_a_database_newer_than_the_bot_is_refused(store: SqlStore, backend: Backend) -> None:
    newest = latest(backend.name)
    backend.sql(FUTURE.format(v=newest + 1, t=WHEN))

    with pytest.raises(SchemaTooNew) as refused:
        await backend.store().open()

    message = str(refused.value)
    assert f"schema version {newest + 1}" in message
    assert f"up to {newest}" in message
    assert "newer bot" in message
    assert (
        await store.ready() == f"storage is at schema version {newest + 1}, this bot needs {newest}"
    )


async def test_replicas_starting_together_migrate_once(backend: Backend) -> None:
    stores = [backend.store() for _ in range(4)]

    upgrades = await asyncio.gather(*(store.open() for store in stores))

    newest = latest(backend.name)
    assert sorted(u.before for u in upgrades) == [0, newest, newest, newest]
    assert versions(backend) == list(range(1, newest + 1))
    for store in stores:
        await store.aclose()


@pytest.mark.parametrize("round_", range(8))
async def test_replicas_opening_one_new_sqlite_file_together_all_start(
    tmp_path: Path, round_: int
) -> None:
    """Switching a file to WAL needs it to itself, and SQLite answers "database is locked" at
    once (no busy wait) while another replica opens it: every replica must still start."""
    backend = Backend("sqlite", str(tmp_path / f"bot-{round_}.sqlite3"))
    stores = [backend.store() for _ in range(8)]

    opened = await asyncio.gather(*(store.open() for store in stores), return_exceptions=True)

    assert [type(o).__name__ for o in opened] == ["Upgrade"] * 8, opened
    assert backend.sql("PRAGMA journal_mode") == [("wal",)]
    for store in stores:
        await store.aclose()


async def test_two_processes_running_db_upgrade_at_once_both_succeed(backend: Backend) -> None:
    env = {**os.environ, "LOCAL_MODE": "true", "BOT_DB": "", "DATABASE_URL": "", **backend.env()}
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "db",
            "upgrade",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]

    outputs = [await process.communicate() for process in processes]

    assert [p.returncode for p in processes] == [0, 0], outputs
    said = sorted(out.decode().strip().splitlines()[-1] for out, _ in outputs)
    newest = latest(backend.name)
    assert said == [
        f"The schema is up to date (version {newest}).",
        f"Upgraded the schema from version 0 to {newest}.",
    ]
    assert versions(backend) == list(range(1, newest + 1))
