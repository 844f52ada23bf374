"""SQLite, the embedded default (`BOT_DB`): one file, WAL mode, one worker thread per store.

Every statement runs on the store's own thread, so the event loop never waits on the disk or on
another process's lock; the busy timeout is short so a held lock becomes an error quickly.
Writes run in `BEGIN IMMEDIATE` transactions: one writer at a time, across processes too; the
writes queued while one commits share the next transaction (bot/storage/sqlite_batch.py).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from bot.storage.database import Row, Statement
from bot.storage.migrations import latest, pending, sqlite_statements
from bot.storage.records import StorageUnavailable, Upgrade
from bot.storage.sql_store import SqlStore
from bot.storage.sqlite_batch import GroupCommit, read_then_write
from bot.storage.sqlite_thread import StoreThread

T = TypeVar("T")
MIGRATION_BUSY_MS = 30_000  # another process may be migrating the same file right now
REOPEN_AFTER = ("SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN")
#: How a JSON column is written (keys sorted, compact): one encoder for every value, as
#: json.dumps with these options would build one per call.
JSON_COLUMN = json.JSONEncoder(sort_keys=True, separators=(",", ":"))


class SqliteDatabase:
    dialect = "sqlite"

    def __init__(self, path: str | Path = ":memory:", *, busy_timeout: float = 2.0) -> None:
        self.path = str(path)
        self._busy_ms = int(busy_timeout * 1000)
        self._thread = StoreThread("bot-sqlite")  # the hand-off, lean (see there)
        self._conn: sqlite3.Connection | None = None
        self._upgrade: Upgrade | None = None
        self._closed = False
        self._writes = GroupCommit(self._run)

    # --- running on the worker thread ---------------------------------------------------------

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work` on the store's thread; the disk's and the lock's failures (full, read-only,
        locked by another process, unreadable) become StorageUnavailable, saying which."""
        if self._closed:
            raise StorageUnavailable(f"the SQLite store {self.path} is closed")
        try:
            return await self._thread.run(partial(self._call, work))
        except (sqlite3.OperationalError, OSError) as exc:
            raise StorageUnavailable(f"SQLite {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                raise  # the bot's own SQL is wrong: a bug, not the disk
            raise StorageUnavailable(f"SQLite {self.path}: {exc}") from exc

    def _call(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """On the worker thread. A connection the file went bad under (made read-only,
        unreadable, I/O errors) is dropped, so the next call opens the file afresh and
        works again once the disk is fixed."""
        try:
            return work(self._connection())
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "").startswith(REOPEN_AFTER):
                self._close_conn()
            raise

    def _connection(self) -> sqlite3.Connection:
        """The thread's connection, opened (and the schema migrated) on first use."""
        if self._conn is None:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                conn.execute(f"PRAGMA busy_timeout = {MIGRATION_BUSY_MS}")
                _wal(conn)
                self._upgrade = _migrate(conn)
                conn.execute(f"PRAGMA busy_timeout = {self._busy_ms}")
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    # --- the Database protocol ----------------------------------------------------------------

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        return (await self._writes.write(sql, params))[0]

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        if sql.lstrip().upper().startswith("SELECT"):
            return await self._run(lambda conn: conn.execute(sql, params).fetchall())
        return (await self._writes.write(sql, params))[1]

    async def execute_together(self, statements: Sequence[tuple[str, Sequence[object]]]) -> None:
        await self._writes.write_together(statements)

    async def read_then_write(
        self, read: Statement, make: Callable[[list[Row]], Sequence[Statement]]
    ) -> list[list[Row]]:
        """A write like any other (group commit), whose statements come from its read."""
        results = await self._writes.write_together(read_then_write(read, make))
        return [rows for _, rows in results]

    def ts(self, value: datetime) -> object:
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime cannot be stored: {value!r}")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def read_ts(self, value: Any) -> datetime:
        return datetime.fromisoformat(str(value))

    def json(self, value: Any) -> object:
        return JSON_COLUMN.encode(value)

    def read_json(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str | bytes) else value

    async def open(self) -> Upgrade:
        await self._run(lambda conn: None)
        assert self._upgrade is not None
        return self._upgrade

    async def version(self) -> int:
        return await self._run(_version)

    async def aclose(self) -> None:
        """Work handed in before runs first; later work is refused (StorageUnavailable)."""
        if not self._closed:
            self._closed = True
            if self._thread.started:
                await self._thread.run(self._close_conn)
                self._thread.stop()

    def close(self) -> None:
        """Close from synchronous code (waits for the worker thread)."""
        if not self._closed:
            self._closed = True
            if self._thread.started:
                self._thread.call(self._close_conn)
                self._thread.stop(wait=True)

    def _close_conn(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class SqliteStore(SqlStore):
    """The Store in one SQLite file (or in memory, for tests)."""

    def __init__(self, path: str | Path = ":memory:", *, busy_timeout: float = 2.0) -> None:
        self._sqlite = SqliteDatabase(path, busy_timeout=busy_timeout)
        super().__init__(self._sqlite)

    def close(self) -> None:
        self._sqlite.close()


def _version(conn: sqlite3.Connection) -> int:
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchone()
    if known is None:
        return 0
    return int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])


def _migrate(conn: sqlite3.Connection) -> Upgrade:
    """Apply what is pending in one BEGIN IMMEDIATE transaction: a second process starting at
    the same moment waits for the lock, then finds nothing left to do. A current file is only
    read, so a bot whose database is read-only still starts (and says so when it must write)."""
    current = _version(conn)
    if current and not pending("sqlite", current):
        return Upgrade(current, latest("sqlite"))
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        before = _version(conn)
        todo = pending("sqlite", before)
        if before == 0:
            _adopt_unversioned(conn)
        for migration in todo:
            for statement in sqlite_statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return Upgrade(before, latest("sqlite"))


def _adopt_unversioned(conn: sqlite3.Connection) -> None:
    """A file from before migrations: its meetings table may predate the details column."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(meetings)")}
    if columns and "details" not in columns:
        conn.execute("ALTER TABLE meetings ADD COLUMN details TEXT NOT NULL DEFAULT '{}'")


def _wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL. The switch needs the file to itself, and SQLite answers "database
    is locked" at once, without its busy handler, while another process opening the same file
    holds it (replicas starting together): ask again, as long as a migration may take."""
    deadline = time.monotonic() + MIGRATION_BUSY_MS / 1000
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)  # on the store's own thread, before it serves anything
        pause = min(pause * 2, 0.25)
