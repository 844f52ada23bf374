"""Group commit for SQLite: the writes that arrive while one transaction is being written go
together into the next one.

A turn writes two or three rows (the conversation reference, the meeting, an intent); each
used to be its own BEGIN IMMEDIATE ... COMMIT — one hop to the store's thread and one fsync
apiece — while other turns' writes queued behind it. Now the first write starts a flush; the
writes queued meanwhile share one transaction and one hop. Each statement is still
all-or-nothing on its own (a SAVEPOINT: one that fails by its own fault, a unique key say, is
rolled back alone and its caller gets the error; a failing disk fails them all), and each
caller is answered only after its COMMIT, so a write that returned is on disk, as before.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any

from bot.storage.database import Row

#: A statement's own failure (a unique key, bad SQL or parameters): that write alone fails.
#: Anything else (the disk, the file) fails the whole transaction, and every write in it,
#: with what SqliteDatabase._run makes of it (StorageUnavailable).
OWN_FAULT = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
Result = tuple[int, list[Row]]
Write = tuple[str, Sequence[object]]
Runner = Callable[[Callable[[sqlite3.Connection], Any]], Awaitable[Any]]


def write_all(conn: sqlite3.Connection, *, writes: Sequence[Write]) -> list[Result | sqlite3.Error]:
    """Every write in one BEGIN IMMEDIATE transaction, each behind its own savepoint."""
    alone = len(writes) == 1
    conn.execute("BEGIN IMMEDIATE")
    try:
        results: list[Result | sqlite3.Error] = []
        for sql, params in writes:
            if alone:
                results.append(_statement(conn, sql, params))
                continue
            conn.execute("SAVEPOINT one_write")
            try:
                results.append(_statement(conn, sql, params))
            except OWN_FAULT as exc:
                conn.execute("ROLLBACK TO one_write")
                results.append(exc)
            conn.execute("RELEASE one_write")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return results


def _statement(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> Result:
    cursor = conn.execute(sql, params)
    rows = cursor.fetchall()
    return cursor.rowcount, rows


class GroupCommit:
    """Queues writes; one flush at a time runs everything queued in one transaction."""

    def __init__(self, run: Runner) -> None:
        self._run = run
        self._queue: list[tuple[str, Sequence[object], asyncio.Future[Result]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def write(self, sql: str, params: Sequence[object]) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._queue.append((sql, params, future))
        if self._flusher is None:
            self._flusher = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        try:
            while self._queue:
                batch, self._queue = self._queue, []
                writes = [(sql, params) for sql, params, _ in batch]
                try:
                    results = await self._run(partial(write_all, writes=writes))
                except asyncio.CancelledError:
                    for *_, future in batch:
                        future.cancel()
                    raise
                except Exception as exc:  # the transaction itself failed: every write did
                    for *_, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (*_, future), result in zip(batch, results, strict=True):
                    if future.done():  # its caller was cancelled; the row is written anyway
                        continue
                    if isinstance(result, sqlite3.Error):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._flusher = None
