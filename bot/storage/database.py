"""The seam between the shared SQL (rows_*.py) and a driver: run a statement, read rows, and
turn Python values into the column types of the dialect and back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.storage.records import Upgrade

Row = tuple[Any, ...]


class Database(Protocol):
    """One backend's connection(s). SQL is written with `?` placeholders for both dialects."""

    dialect: str  # "sqlite" | "postgresql"

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run one statement in its own transaction; the number of rows it changed."""
        ...

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Rows of one statement (a write with RETURNING is one atomic transaction too)."""
        ...

    def ts(self, value: datetime) -> object: ...
    def read_ts(self, value: Any) -> datetime: ...
    def json(self, value: Any) -> object: ...
    def read_json(self, value: Any) -> Any: ...

    async def open(self) -> Upgrade: ...
    async def version(self) -> int: ...
    async def aclose(self) -> None: ...
