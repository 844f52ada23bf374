"""Group-chat polls: the poll, its votes and its one booking, kept in a database so every
replica sees the same votes and a restart loses none.

`PollStore` is the seam: an async Protocol any database can implement (the SQLite one below
uses `INSERT … ON CONFLICT`; a PostgreSQL one needs the same statements). One vote row per poll,
user and slot; the booking is claimed exactly once by the poll's unique key, whichever replica
sees the last vote first.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from bot.storage import StorageUnavailable

SCHEMA = """
CREATE TABLE IF NOT EXISTS polls (
    poll_id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS poll_votes (
    poll_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    slot INTEGER NOT NULL,
    chosen INTEGER NOT NULL,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (poll_id, user_id, slot)
);
CREATE TABLE IF NOT EXISTS poll_bookings (
    poll_id TEXT PRIMARY KEY,
    slot INTEGER NOT NULL,
    meeting TEXT,
    claimed_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Member:
    """A chat member: Entra object id (votes, invitations), Teams id (card refresh), name."""

    aad_id: str
    teams_id: str
    name: str
    email: str


@dataclass(frozen=True)
class Poll:
    poll_id: str
    tenant_id: str
    conversation_id: str
    creator: Member
    subject: str
    minutes: int
    slots: tuple[tuple[str, str], ...]  # ISO start and end of each candidate time
    members: tuple[Member, ...]
    unreadable: tuple[str, ...] = ()
    zone: str = "UTC"  # the creator's: the booked event's zone
    locale: str = "en-US"  # the creator's: the booked event's default subject

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @staticmethod
    def from_json(text: str) -> Poll:
        doc = json.loads(text)
        return Poll(
            **{
                **doc,
                "creator": Member(**doc["creator"]),
                "slots": tuple(tuple(s) for s in doc["slots"]),
                "members": tuple(Member(**m) for m in doc["members"]),
                "unreadable": tuple(doc["unreadable"]),
            }
        )


@dataclass(frozen=True)
class Booking:
    slot: int
    meeting: dict[str, Any] | None  # None while the claimer is still booking it


class PollStore(Protocol):
    async def create_poll(self, poll: Poll) -> Poll: ...
    async def poll(self, poll_id: str) -> Poll | None: ...
    async def record_vote(self, poll_id: str, user_id: str, slot: int, chosen: bool) -> None: ...
    async def votes(self, poll_id: str) -> dict[str, frozenset[int]]: ...
    async def close_poll(self, poll_id: str, slot: int) -> bool: ...
    async def booking(self, poll_id: str) -> Booking | None: ...
    async def set_booked(self, poll_id: str, meeting: dict[str, Any]) -> None: ...
    async def reopen(self, poll_id: str) -> None: ...


class SqlitePollStore:
    """PollStore on SQLite (WAL, waits for locks): one file shared by every replica. The file
    is opened on first use; a database that cannot be used is StorageUnavailable."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self._path = str(path)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            if self._path != ":memory:":
                Path(self._path).parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                self._path, isolation_level=None, check_same_thread=False, timeout=10
            )
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            self._db = db
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    async def on_cleanup(self, _: object) -> None:
        """An aiohttp cleanup hook: close with the app."""
        self.close()

    async def _rows(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        def run() -> list[tuple[Any, ...]]:
            with self._lock, _unavailable():
                return self._connection().execute(sql, params).fetchall()

        return await asyncio.to_thread(run)

    async def _change(self, sql: str, params: tuple[Any, ...]) -> int:
        """Run a write; how many rows it changed."""

        def run() -> int:
            with self._lock, _unavailable():
                return self._connection().execute(sql, params).rowcount

        return await asyncio.to_thread(run)

    async def create_poll(self, poll: Poll) -> Poll:
        """The poll; a redelivered "find a time" finds the one already made."""
        await self._change(
            "INSERT INTO polls (poll_id, doc, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (poll_id) DO NOTHING",
            (poll.poll_id, poll.to_json(), _now()),
        )
        return await self.poll(poll.poll_id) or poll

    async def poll(self, poll_id: str) -> Poll | None:
        rows = await self._rows("SELECT doc FROM polls WHERE poll_id = ?", (poll_id,))
        return Poll.from_json(str(rows[0][0])) if rows else None

    async def record_vote(self, poll_id: str, user_id: str, slot: int, chosen: bool) -> None:
        await self._change(
            "INSERT INTO poll_votes (poll_id, user_id, slot, chosen, voted_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (poll_id, user_id, slot) "
            "DO UPDATE SET chosen = excluded.chosen, voted_at = excluded.voted_at",
            (poll_id, user_id, slot, int(chosen), _now()),
        )

    async def votes(self, poll_id: str) -> dict[str, frozenset[int]]:
        """Each voter's chosen slots (voters who took every vote back are left out)."""
        rows = await self._rows(
            "SELECT user_id, slot FROM poll_votes WHERE poll_id = ? AND chosen = 1", (poll_id,)
        )
        found: dict[str, set[int]] = {}
        for user_id, slot in rows:
            found.setdefault(str(user_id), set()).add(int(slot))
        return {user: frozenset(slots) for user, slots in found.items()}

    async def close_poll(self, poll_id: str, slot: int) -> bool:
        """True for exactly one caller, whichever replica: that caller books `slot`."""
        changed = await self._change(
            "INSERT INTO poll_bookings (poll_id, slot, claimed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (poll_id) DO NOTHING",
            (poll_id, slot, _now()),
        )
        return changed == 1

    async def booking(self, poll_id: str) -> Booking | None:
        rows = await self._rows(
            "SELECT slot, meeting FROM poll_bookings WHERE poll_id = ?", (poll_id,)
        )
        if not rows:
            return None
        slot, meeting = rows[0]
        return Booking(int(slot), json.loads(meeting) if meeting else None)

    async def set_booked(self, poll_id: str, meeting: dict[str, Any]) -> None:
        await self._change(
            "UPDATE poll_bookings SET meeting = ? WHERE poll_id = ?",
            (json.dumps(meeting), poll_id),
        )

    async def reopen(self, poll_id: str) -> None:
        """The booking failed: free the claim so the next vote or tap can book."""
        await self._change(
            "DELETE FROM poll_bookings WHERE poll_id = ? AND meeting IS NULL", (poll_id,)
        )


@contextmanager
def _unavailable() -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        raise StorageUnavailable(f"poll votes: {type(error).__name__}: {error}") from error


def _now() -> str:
    return datetime.now(UTC).isoformat()
