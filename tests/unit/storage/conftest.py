"""Every storage test runs once per backend, with the same assertions: SQLite in a temporary
file, and PostgreSQL in a throwaway cluster (tests/support/postgres.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.storage.postgres import PostgresStore
from bot.storage.sql_store import SqlStore
from bot.storage.sqlite import SqliteStore
from tests.support.postgres import postgres_cluster, postgres_url

__all__ = ["postgres_cluster", "postgres_url"]

BACKENDS = ["sqlite", "postgresql"]


@dataclass(frozen=True)
class Backend:
    """One database, and ways in: stores (unopened), raw SQL, the bot's environment."""

    name: str
    target: str  # the SQLite file, or the PostgreSQL URL

    def store(self) -> SqlStore:
        if self.name == "sqlite":
            return SqliteStore(self.target)
        return PostgresStore(self.target, max_size=4)

    def sql(self, statement: str) -> list[tuple[object, ...]]:
        """Run one statement outside the store, as an admin would; its rows, if any."""
        if self.name == "sqlite":
            with sqlite3.connect(self.target) as db:
                return db.execute(statement).fetchall()
        import psycopg

        with psycopg.connect(self.target, autocommit=True) as conn:
            cursor = conn.execute(statement.encode())
            return list(cursor.fetchall()) if cursor.description else []

    def script(self, statements: str) -> None:
        """Several statements at once (setting up an older database)."""
        if self.name == "sqlite":
            with sqlite3.connect(self.target) as db:
                db.executescript(statements)
            return
        self.sql(statements)

    def env(self) -> dict[str, str]:
        if self.name == "sqlite":
            return {"BOT_DB": self.target}
        return {"DATABASE_URL": self.target}


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", str(tmp_path / "bot.sqlite3"))
    return Backend("postgresql", request.getfixturevalue("postgres_url"))


@pytest.fixture
async def store(backend: Backend) -> AsyncIterator[SqlStore]:
    """An opened, migrated store on a fresh database."""
    opened = backend.store()
    await opened.open()
    yield opened
    await opened.aclose()


@pytest.fixture
async def replicas(backend: Backend) -> AsyncIterator[list[SqlStore]]:
    """Two opened stores on the same database, as two replicas of the bot would have."""
    stores = [backend.store(), backend.store()]
    try:
        for replica in stores:
            await replica.open()
        yield stores
    finally:
        for replica in stores:
            await replica.aclose()
