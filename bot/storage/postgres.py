"""PostgreSQL, for several replicas (`DATABASE_URL=postgresql://…`): psycopg 3, async, pooled.

Connections are in autocommit: each statement is its own transaction, which is all the shared
SQL needs (exactly-once comes from unique keys and `INSERT … ON CONFLICT`, job claims from
`FOR UPDATE SKIP LOCKED`). Migrations run in one transaction under an advisory lock, so replicas
starting together apply each one once.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.conninfo import conninfo_to_dict
from psycopg.errors import ReadOnlySqlTransaction
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from bot.storage.database import Row, Statement
from bot.storage.migrations import latest, pending
from bot.storage.records import StorageUnavailable, Upgrade
from bot.storage.sql_store import SqlStore

#: pg_advisory_xact_lock key of schema migrations ("meetbot!" as a 64-bit integer).
MIGRATION_LOCK = int.from_bytes(b"meetbot!", "big") & 0x7FFF_FFFF_FFFF_FFFF
STATEMENT_TIMEOUT = "5s"  # a query that takes longer fails instead of holding a turn


@lru_cache(maxsize=256)
def _pg(sql: str) -> str:
    """The shared SQL's `?` placeholders as psycopg's `%s` (the SQL contains no `%` or `?`)."""
    return sql.replace("?", "%s")


def describe(url: str) -> str:
    """host:port/dbname of a URL, without its password."""
    parts = conninfo_to_dict(url)
    return f"{parts.get('host', 'localhost')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"


async def _configure(conn: AsyncConnection[Any]) -> None:
    await conn.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10, timeout: float = 5.0):
        self._url = url
        self._sizes = (min_size, max_size)
        self._timeout = timeout
        self._pool: AsyncConnectionPool[Any] | None = None
        self._upgrade: Upgrade | None = None

    @property
    def pool(self) -> AsyncConnectionPool[Any]:
        if self._pool is None:
            raise StorageUnavailable("the PostgreSQL store is not open (call open() first)")
        return self._pool

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        async with self._connection() as conn:
            cursor = await conn.execute(_pg(sql), params)
            changed: int = cursor.rowcount
            return changed

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        async with self._connection() as conn:
            cursor = await conn.execute(_pg(sql), params)
            return list(await cursor.fetchall())

    async def execute_together(self, statements: Sequence[tuple[str, Sequence[object]]]) -> None:
        async with self._connection() as conn, conn.transaction():
            for sql, params in statements:
                await conn.execute(_pg(sql), params)

    async def read_then_write(
        self, read: Statement, make: Callable[[list[Row]], Sequence[Statement]]
    ) -> list[list[Row]]:
        async with self._connection() as conn, conn.transaction():
            rows = list(await (await conn.execute(_pg(read[0]), read[1])).fetchall())
            written = []
            for sql, params in make(rows):
                cursor = await conn.execute(_pg(sql), params)
                written.append(list(await cursor.fetchall()) if cursor.description else [])
            return written

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[AsyncConnection[Any]]:
        """A pooled connection; the server's and the network's failures (down, disk full,
        read-only, a statement timeout behind a lock) become StorageUnavailable."""
        try:
            async with self.pool.connection() as conn:
                yield conn
        except (PoolTimeout, psycopg.OperationalError, ReadOnlySqlTransaction) as exc:
            first_line = (str(exc).strip().splitlines() or [""])[0]
            raise StorageUnavailable(f"PostgreSQL {describe(self._url)}: {first_line}") from exc

    def ts(self, value: datetime) -> object:
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime cannot be stored: {value!r}")
        return value

    def read_ts(self, value: Any) -> datetime:
        if not isinstance(value, datetime):
            raise TypeError(f"expected a timestamptz, got {value!r}")
        return value

    def json(self, value: Any) -> object:
        return Jsonb(value)

    def read_json(self, value: Any) -> Any:
        return value

    async def open(self) -> Upgrade:
        """Open the pool (waiting for a first connection) and migrate; idempotent."""
        if self._upgrade is not None:
            return self._upgrade
        min_size, max_size = self._sizes
        pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
            self._url,
            min_size=min_size,
            max_size=max_size,
            timeout=self._timeout,
            kwargs={"autocommit": True},
            configure=_configure,
            open=False,
            name="meeting-bot",
        )
        try:
            await pool.open(wait=True, timeout=self._timeout)
        except PoolTimeout:
            await pool.close()
            raise StorageUnavailable(
                f"PostgreSQL at {describe(self._url)} did not answer within {self._timeout:g} s "
                "(check DATABASE_URL, the server and the network)"
            ) from None
        self._pool = pool
        try:
            self._upgrade = await self._migrate()
        except BaseException:
            await self.aclose()
            raise
        return self._upgrade

    async def _migrate(self) -> Upgrade:
        async with self.pool.connection() as conn, conn.transaction():
            await conn.execute("SET LOCAL statement_timeout = 0")
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            before = await _version(conn)
            for migration in pending("postgresql", before):
                await conn.execute(migration.sql)
                await conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, now())",
                    (migration.version, migration.name),
                )
        return Upgrade(before, latest("postgresql"))

    async def version(self) -> int:
        async with self.pool.connection() as conn:
            return await _version(conn)

    async def aclose(self) -> None:
        pool, self._pool, self._upgrade = self._pool, None, None
        if pool is not None:
            await pool.close()


async def _version(conn: AsyncConnection[Any]) -> int:
    cursor = await conn.execute("SELECT to_regclass('schema_version') IS NOT NULL")
    exists = await cursor.fetchone()
    if not exists or not exists[0]:
        return 0
    cursor = await conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version")
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


class PostgresStore(SqlStore):
    """The Store in PostgreSQL, shared by every replica."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10) -> None:
        super().__init__(PostgresDatabase(url, min_size=min_size, max_size=max_size))
