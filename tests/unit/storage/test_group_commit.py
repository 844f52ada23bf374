"""SQLite group commit: writes queued while one transaction commits share the next one, each
statement still all-or-nothing on its own, each caller answered after its COMMIT."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bot.storage.sqlite import SqliteDatabase
from bot.storage.sqlite_batch import GroupCommit, read_then_write


class Disk:
    """A file on the store's one thread; counts the transactions (hops) it was asked for."""

    def __init__(self, path: Path) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1)
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")
        self.runs = 0
        self.started = asyncio.Event()

    async def run(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        self.runs += 1
        self.started.set()
        return await asyncio.get_running_loop().run_in_executor(self.executor, work, self.conn)

    def rows(self) -> list[tuple[str, int]]:
        return self.executor.submit(
            lambda: self.conn.execute("SELECT k, v FROM t ORDER BY k").fetchall()
        ).result()


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    made = Disk(tmp_path / "t.sqlite3")
    yield made
    made.executor.submit(made.conn.close).result()
    made.executor.shutdown()


INSERT = "INSERT INTO t VALUES (?, ?)"


async def test_writes_queued_during_a_commit_share_the_next_transaction(disk: Disk) -> None:
    writes = GroupCommit(disk.run)
    first = asyncio.create_task(writes.write(INSERT, ("k00", 0)))
    await disk.started.wait()  # its transaction is on the store's thread now

    results = await asyncio.gather(*(writes.write(INSERT, (f"k{n:02}", n)) for n in range(1, 20)))

    assert await first == (1, [])
    assert [changed for changed, _ in results] == [1] * 19
    assert disk.runs == 2  # the first write alone, the 19 that queued meanwhile together
    assert len(disk.rows()) == 20


async def test_a_failing_statement_is_rolled_back_alone_and_its_caller_told(disk: Disk) -> None:
    writes = GroupCommit(disk.run)
    await writes.write(INSERT, ("taken", 0))

    outcomes = await asyncio.gather(
        writes.write(INSERT, ("a", 1)),
        writes.write(INSERT, ("taken", 2)),
        writes.write(INSERT, ("b", 3)),
        return_exceptions=True,
    )

    assert isinstance(outcomes[1], sqlite3.IntegrityError)
    assert outcomes[0] == outcomes[2] == (1, [])
    assert disk.rows() == [("a", 1), ("b", 3), ("taken", 0)]


async def test_a_failure_that_is_not_the_statements_own_fails_the_whole_transaction(
    disk: Disk,
) -> None:
    """An OperationalError (the disk, the file, the schema) is no one write's fault: every write
    of the transaction fails with it, as SqliteDatabase turns it into StorageUnavailable."""
    writes = GroupCommit(disk.run)
    first = asyncio.create_task(writes.write(INSERT, ("k0", 0)))
    await disk.started.wait()

    outcomes = await asyncio.gather(
        writes.write(INSERT, ("a", 1)),
        writes.write("INSERT INTO gone VALUES (1)", ()),
        writes.write(INSERT, ("b", 3)),
        return_exceptions=True,
    )

    assert await first == (1, [])
    assert all(isinstance(outcome, sqlite3.OperationalError) for outcome in outcomes)
    assert disk.rows() == [("k0", 0)]


async def test_returned_rows_and_counts_come_back_to_their_own_caller(disk: Disk) -> None:
    writes = GroupCommit(disk.run)
    await asyncio.gather(*(writes.write(INSERT, (k, 0)) for k in "abc"))

    bumped, missing = await asyncio.gather(
        writes.write("UPDATE t SET v = v + 1 WHERE k IN ('a', 'b') RETURNING k", ()),
        writes.write("UPDATE t SET v = 9 WHERE k = 'zzz'", ()),
    )

    assert bumped[0] == 2
    assert sorted(row[0] for row in bumped[1]) == ["a", "b"]
    assert missing == (0, [])


async def test_a_write_that_returned_is_visible_to_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = SqliteDatabase(path)
    await db.open()

    await asyncio.gather(
        *(db.execute("INSERT INTO done_actions VALUES (?, ?)", (f"k{n}", "x")) for n in range(5))
    )

    with sqlite3.connect(path) as other:
        assert other.execute("SELECT COUNT(*) FROM done_actions").fetchone() == (5,)
    await db.aclose()


async def test_statements_written_together_are_rolled_back_together(disk: Disk) -> None:
    writes = GroupCommit(disk.run)
    await writes.write(INSERT, ("taken", 0))

    outcomes = await asyncio.gather(
        writes.write(INSERT, ("a", 1)),
        writes.write_together([(INSERT, ("b", 2)), (INSERT, ("taken", 3))]),
        writes.write_together([(INSERT, ("c", 4)), (INSERT, ("d", 5))]),
        return_exceptions=True,
    )

    assert isinstance(outcomes[1], sqlite3.IntegrityError)
    assert outcomes[0] == (1, [])
    assert outcomes[2] == [(1, []), (1, [])]
    assert disk.rows() == [("a", 1), ("c", 4), ("d", 5), ("taken", 0)]  # no "b"


async def test_a_statement_that_fails_half_way_leaves_none_of_its_rows(disk: Disk) -> None:
    """One statement needs no savepoint: SQLite backs out the rows a failing statement had
    already changed, and the transaction (the other writes in it) goes on."""
    writes = GroupCommit(disk.run)
    await writes.write(INSERT, ("m", 0))
    first = asyncio.create_task(writes.write(INSERT, ("k0", 0)))
    await disk.started.wait()

    outcomes = await asyncio.gather(
        writes.write(INSERT, ("a", 1)),
        writes.write("INSERT INTO t VALUES ('b', 2), ('c', 3), ('m', 4), ('n', 5)", ()),
        writes.write("UPDATE t SET v = v + 10 WHERE k IN ('a', 'm') RETURNING k", ()),
        return_exceptions=True,
    )

    assert await first == (1, [])
    assert isinstance(outcomes[1], sqlite3.IntegrityError)
    assert outcomes[0] == (1, [])
    assert isinstance(outcomes[2], tuple)
    changed, returned = outcomes[2]
    assert changed == 2
    assert sorted(returned) == [("a",), ("m",)]
    assert disk.rows() == [("a", 11), ("k0", 0), ("m", 10)]  # no "b" or "c"


async def test_a_value_sqlite_cannot_hold_fails_its_own_write_alone(disk: Disk) -> None:
    """Not a sqlite3 error (OverflowError) and still no one else's fault."""
    writes = GroupCommit(disk.run)
    first = asyncio.create_task(writes.write(INSERT, ("k0", 0)))
    await disk.started.wait()

    outcomes = await asyncio.gather(
        writes.write(INSERT, ("a", 1)),
        writes.write(INSERT, ("huge", 2**80)),
        writes.write(INSERT, ("b", 3)),
        return_exceptions=True,
    )

    assert await first == (1, [])
    assert isinstance(outcomes[1], OverflowError)
    assert outcomes[0] == outcomes[2] == (1, [])
    assert disk.rows() == [("a", 1), ("b", 3), ("k0", 0)]


async def test_a_write_that_reads_first_shares_the_transaction_and_sees_what_came_before(
    disk: Disk,
) -> None:
    """One hop for a read and the writes made of it; a failure in making them is the
    caller's alone."""
    writes = GroupCommit(disk.run)
    first = asyncio.create_task(writes.write(INSERT, ("k0", 0)))
    await disk.started.wait()
    seen: list[list[tuple[str, int]]] = []

    def copy_of_a(rows: list[Any]) -> list[tuple[str, tuple[object, ...]]]:
        seen.append(rows)
        return [(INSERT, ("copy", rows[0][1] * 10))]

    def broken(rows: list[Any]) -> list[tuple[str, tuple[object, ...]]]:
        raise KeyError("made nothing")

    outcomes = await asyncio.gather(
        writes.write(INSERT, ("a", 4)),
        writes.write_together(read_then_write(("SELECT k, v FROM t WHERE k='a'", ()), copy_of_a)),
        writes.write_together(read_then_write(("SELECT 1", ()), broken)),
        return_exceptions=True,
    )

    assert await first == (1, [])
    assert list(outcomes[:2]) == [(1, []), [(1, [])]]
    assert isinstance(outcomes[2], KeyError)
    assert seen == [[("a", 4)]]
    assert disk.runs == 2
    assert disk.rows() == [("a", 4), ("copy", 40), ("k0", 0)]
