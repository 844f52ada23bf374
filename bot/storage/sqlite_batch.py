"""Group commit for SQLite: the writes that arrive while one transaction is being written go
together into the next one.

A turn writes two or three rows (the conversation reference, the meeting, an intent); each
used to be its own BEGIN IMMEDIATE ... COMMIT — one hop to the store's thread and one fsync
apiece — while other turns' writes queued behind it. Now the first write starts a flush; the
writes queued meanwhile share one transaction and one hop. Each write (one statement, or the
few statements a caller asked to go together) is still all-or-nothing on its own (a
SAVEPOINT: one that fails by its own fault, a unique key say, is rolled back alone and its
caller gets the error; a failing disk fails them all), and each caller is answered only after
its COMMIT, so a write that returned is on disk, as before.

A write may also read first (`read_then_write`): its statements are made from what it read,
inside the same transaction, so a read the write depends on costs no trip of its own (a
`schedule`'s reminder reads the user's preferences this way).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any

from bot.storage.database import Row

#: A statement's own failure (a unique key, bad SQL or parameters): that write alone fails, as
#: it does when the caller's own code raises (a value SQLite cannot hold, `read_then_write`'s
#: function). Any other sqlite3 error or OSError (the disk, the file) fails the whole
#: transaction, and every write in it, with what SqliteDatabase._run makes of it
#: (StorageUnavailable).
OWN_FAULT = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
Result = tuple[int, list[Row]]
Statement = tuple[str, Sequence[object]]
#: A write that reads first: on the store's thread, inside the transaction, it runs its
#: statements (with `_statement`) and returns their results.
Step = Callable[[sqlite3.Connection], list[Result]]
#: One caller's write: its statements (or its step), applied together or not at all.
Write = Sequence[Statement] | Step
Runner = Callable[[Callable[[sqlite3.Connection], Any]], Awaitable[Any]]


def write_all(
    conn: sqlite3.Connection, *, writes: Sequence[Write]
) -> list[list[Result] | Exception]:
    """Every write in one BEGIN IMMEDIATE transaction, each all-or-nothing on its own (behind a
    savepoint when it is more than one statement)."""
    alone = len(writes) == 1
    conn.execute("BEGIN IMMEDIATE")
    try:
        results: list[list[Result] | Exception] = []
        for write in writes:
            if alone:
                results.append(_apply(conn, write))
                continue
            guarded = _needs_savepoint(write)
            if guarded:
                conn.execute("SAVEPOINT one_write")
            try:
                results.append(_apply(conn, write))
            except Exception as exc:
                if not _own_fault(exc):
                    raise
                if guarded:
                    conn.execute("ROLLBACK TO one_write")
                results.append(exc)
            if guarded:
                conn.execute("RELEASE one_write")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return results


def _needs_savepoint(write: Write) -> bool:
    """One statement is all-or-nothing by itself: a statement that fails is backed out by
    SQLite (ABORT, the conflict resolution of every statement here; no triggers) and the
    transaction goes on, so only a step or several statements need a savepoint around them."""
    return callable(write) or len(write) != 1


def _own_fault(exc: Exception) -> bool:
    return isinstance(exc, OWN_FAULT) or not isinstance(exc, sqlite3.Error | OSError)


def _apply(conn: sqlite3.Connection, write: Write) -> list[Result]:
    if callable(write):
        return write(conn)
    return [_statement(conn, sql, params) for sql, params in write]


def read_then_write(read: Statement, make: Callable[[list[Row]], Sequence[Statement]]) -> Step:
    """A step: `read`'s rows, then the statements `make` makes of them."""

    def step(conn: sqlite3.Connection) -> list[Result]:
        rows = conn.execute(*read).fetchall()
        return [_statement(conn, sql, params) for sql, params in make(rows)]

    return step


def _statement(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> Result:
    cursor = conn.execute(sql, params)
    rows = cursor.fetchall()
    return cursor.rowcount, rows


class GroupCommit:
    """Queues writes; one flush at a time runs everything queued in one transaction."""

    def __init__(self, run: Runner) -> None:
        self._run = run
        self._queue: list[tuple[Write, asyncio.Future[list[Result]]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def write(self, sql: str, params: Sequence[object]) -> Result:
        return (await self.write_together([(sql, params)]))[0]

    async def write_together(self, statements: Write) -> list[Result]:
        """Several statements (or a step) as one write: all of them are committed, or none."""
        future: asyncio.Future[list[Result]] = asyncio.get_running_loop().create_future()
        self._queue.append((statements, future))
        if self._flusher is None:
            self._flusher = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        try:
            while self._queue:
                batch, self._queue = self._queue, []
                writes = [statements for statements, _ in batch]
                try:
                    results = await self._run(partial(write_all, writes=writes))
                except asyncio.CancelledError:
                    for _, future in batch:
                        future.cancel()
                    raise
                except Exception as exc:  # the transaction itself failed: every write did
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), result in zip(batch, results, strict=True):
                    if future.done():  # its caller was cancelled; the row is written anyway
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._flusher = None
