"""`SqlStore`: the Store protocol written once in SQL both dialects share, over a Database."""

from __future__ import annotations

from bot.storage.database import Database
from bot.storage.migrations import latest
from bot.storage.recent import RecentlySaved
from bot.storage.records import Upgrade
from bot.storage.rows_jobs import JobRowsSql
from bot.storage.rows_pending import PendingRows
from bot.storage.rows_people import PeopleRows
from bot.storage.rows_polls import PollRowsSql
from bot.storage.rows_today import TodayRows


class SqlStore(TodayRows, PeopleRows, JobRowsSql, PollRowsSql, PendingRows):
    """Meetings, claims, intents, references, preferences, jobs, token and poll rows, and
    commands waiting for a sign-in."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._recent_references: RecentlySaved[tuple[str, str, str]] = RecentlySaved()

    @property
    def dialect(self) -> str:
        return self._db.dialect

    async def open(self) -> Upgrade:
        return await self._db.open()

    async def ready(self) -> str | None:
        try:
            version = await self._db.version()
        except Exception as exc:  # whatever the driver raises: not ready, and why
            first_line = (str(exc).strip().splitlines() or [""])[0][:200]
            return f"storage did not answer ({type(exc).__name__}: {first_line})"
        expected = latest(self._db.dialect)
        if version != expected:
            return f"storage is at schema version {version}, this bot needs {expected}"
        return None

    async def aclose(self) -> None:
        await self._db.aclose()
