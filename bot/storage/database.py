"""The seam between the shared SQL (rows_*.py) and a driver: run a statement, read rows, and
turn Python values into the column types of the dialect and back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.storage.records import Upgrade

Row = tuple[Any, ...]
Statement = tuple[str, Sequence[object]]


class Database(Protocol):
    """One backend's connection(s). SQL is written with `?` placeholders for both dialects."""

    dialect: str  # "sqlite" | "postgresql"

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run one statement in its own transaction; the number of rows it changed."""
        ...

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Rows of one statement (a write with RETURNING is one atomic transaction too)."""
        ...

    async def execute_together(self, statements: Sequence[tuple[str, Sequence[object]]]) -> None:
        """Several statements in one transaction: all of them are committed, or none."""
        ...

    async def read_then_write(
        self, read: Statement, make: Callable[[list[Row]], Sequence[Statement]]
    ) -> list[list[Row]]:
        """`read`, then the statements `make` makes of its rows, in one transaction and one
        trip: all of them are committed, or none. The rows each statement returned. `make`
        must be quick and touch nothing the event loop changes: with SQLite it runs on the
        store's thread, holding the write lock."""
        ...

    def ts(self, value: datetime) -> object: ...
    def read_ts(self, value: Any) -> datetime: ...
    def json(self, value: Any) -> object: ...
    def read_json(self, value: Any) -> Any: ...

    async def open(self) -> Upgrade: ...
    async def version(self) -> int: ...
    async def aclose(self) -> None: ...
