"""Storage faults through real HTTP: a full disk, a read-only database and a second process
holding SQLite's lock each end in a clear message within the turn budget, with no Graph call
for the create (the intent is written first); /healthz stays a liveness check; once the disk
is fixed the same request makes exactly one meeting, listed and cancellable."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.storage.sqlite import SqliteStore
from tests.support.activities import USER_AAD
from tests.support.disks import (
    ReadOnlyView,
    empty_wal,
    fill,
    second_process_holding_the_lock,
    small_disk,
)
from tests.support.faulty import CANNOT_SAVE, FaultyBot, listed_and_cancelled
from tests.support.servers import Emulator


async def refused(bot: FaultyBot, emulator: Emulator) -> None:
    """`meet now` is refused in words (within the budget) and reaches no Graph create."""
    await bot.say("meet now Disk")
    await bot.settled()

    assert CANNOT_SAVE in bot.posted()[-1]
    assert await emulator.graph_calls("createOrGet") == []
    assert (await bot.http.get(f"{bot.url}/healthz")).status_code == 200


async def made_once_fixed(bot: FaultyBot, emulator: Emulator) -> None:
    """The same request once the disk is fixed: one meeting, listed and cancellable."""
    await bot.say("meet now Disk")
    await bot.settled()

    assert len(await emulator.meetings_of(USER_AAD)) == 1
    await listed_and_cancelled(bot, "Disk")


class TestFullDisk:
    @pytest.fixture
    def bot_db(self, tmp_path: Path) -> Iterator[Path]:
        with small_disk(tmp_path / "disk") as disk:
            yield disk / "bot.sqlite3"

    async def test_a_full_disk_is_told_and_calls_no_graph(
        self, faulty: FaultyBot, emulator: Emulator, bot_db: Path
    ) -> None:
        empty_wal(bot_db)  # so the next write must grow the log, as on a disk that filled up
        filler = fill(bot_db.parent)

        await refused(faulty, emulator)
        filler.unlink()
        await made_once_fixed(faulty, emulator)


class TestReadOnlyDatabase:
    @pytest.fixture
    async def view(self, tmp_path: Path) -> AsyncIterator[ReadOnlyView]:
        data = tmp_path / "data"
        data.mkdir()
        writer = SqliteStore(data / "bot.sqlite3")  # another process that has it open
        await writer.open()
        with ReadOnlyView(data, tmp_path / "view") as view:
            yield view
        await writer.aclose()

    @pytest.fixture
    def bot_db(self, view: ReadOnlyView) -> Path:
        return view.view / "bot.sqlite3"

    async def test_a_read_only_database_is_told_and_calls_no_graph(
        self, faulty: FaultyBot, emulator: Emulator, view: ReadOnlyView
    ) -> None:
        await refused(faulty, emulator)
        view.make_writable()
        await made_once_fixed(faulty, emulator)


class TestLockHeldByAnotherProcess:
    @pytest.fixture
    def bot_store(self, bot_db: Path) -> Iterator[SqliteStore]:
        store = SqliteStore(bot_db, busy_timeout=0.25)
        yield store
        store.close()

    async def test_a_lock_held_elsewhere_is_told_and_calls_no_graph(
        self, faulty: FaultyBot, emulator: Emulator, bot_db: Path
    ) -> None:
        async with second_process_holding_the_lock(bot_db):
            await refused(faulty, emulator)
        await made_once_fixed(faulty, emulator)
