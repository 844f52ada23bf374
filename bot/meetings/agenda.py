"""The daily agenda's schedule: each weekday at the user's time, in the user's zone.

Every day's agenda is its own job, keyed by the user, the local date and the time: scheduling
the same day twice (a redelivered command, two replicas running yesterday's) makes one job. A
job whose time no longer matches the user's preference (changed, or `agenda off`) does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.meetings.model import Requester
from bot.storage import JobRows

AGENDA = "agenda"  # the job kind
WORKDAYS = frozenset(range(5))  # Monday to Friday


def next_agenda(at: str, zone: ZoneInfo, after: datetime) -> datetime:
    """The first weekday `at` ("HH:MM", wall time in `zone`) strictly after `after`, in UTC."""
    wall = time.fromisoformat(at)
    day = after.astimezone(zone).date()
    for offset in range(8):
        candidate = day + timedelta(days=offset)
        if candidate.weekday() not in WORKDAYS:
            continue
        due = datetime.combine(candidate, wall, tzinfo=zone).astimezone(UTC)
        if due > after:
            return due
    raise AssertionError("a week always has a weekday")


def agenda_key(tenant_id: str, user_id: str, due: datetime, at: str, zone: ZoneInfo) -> str:
    return f"agenda:{tenant_id}:{user_id}:{due.astimezone(zone).date().isoformat()}:{at}"


class DailyAgenda:
    def __init__(self, jobs: JobRows, clock: Callable[[], datetime]) -> None:
        self._jobs = jobs
        self._clock = clock

    async def schedule(
        self, requester: Requester, at: str, zone: ZoneInfo, after: datetime | None = None
    ) -> datetime:
        """The next agenda after `after` (default now); once per user, day and time."""
        due = next_agenda(at, zone, after or self._clock())
        payload = {
            "tenant_id": requester.tenant_id,
            "user_id": requester.user_id,
            "name": requester.name,
            "at": at,
            "zone": zone.key,
        }
        key = agenda_key(requester.tenant_id, requester.user_id, due, at, zone)
        await self._jobs.schedule_job(AGENDA, due, payload, dedupe_key=key)
        return due
