"""Choosing times: free/busy in, the best slots out. Pure: no Graph, no clock.

A slot must lie inside the working hours of everyone whose calendar could be read (each in
their own zone); nobody's hours known means Monday to Friday 09:00-17:00 in the requester's
zone. Busy, tentative and out-of-office time conflicts; working elsewhere does not. The best
slots are the earliest ones nobody is busy in; when there are none, the least-conflicted ones,
each naming who is busy. Slots never overlap one another, and are shown earliest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

CONFLICTS = frozenset({"busy", "tentative", "oof"})
STEP = timedelta(minutes=30)
MAX_CANDIDATES = 2000


@dataclass(frozen=True)
class WorkingHours:
    """The days and hours a person works, in their own time zone."""

    days: frozenset[int]  # Monday = 0
    start: time
    end: time
    zone: ZoneInfo

    def contains(self, start: datetime, end: datetime) -> bool:
        local_start, local_end = start.astimezone(self.zone), end.astimezone(self.zone)
        if local_start.weekday() not in self.days:
            return False
        day_end = datetime.combine(local_start.date(), self.end, self.zone)
        return self.start <= local_start.time() and local_end <= day_end


@dataclass(frozen=True)
class Availability:
    """One person's free/busy: busy spans with their status, working hours; or unreadable."""

    name: str
    busy: tuple[tuple[datetime, datetime, str], ...] = ()
    hours: WorkingHours | None = None
    readable: bool = True


@dataclass(frozen=True)
class Slot:
    """A candidate time, and who is busy then."""

    start: datetime
    end: datetime
    busy: tuple[str, ...] = ()  # who is busy then (empty: everyone is free)


@dataclass(frozen=True)
class Choice:
    """The times found for a meeting, and what could not be read to find them."""

    slots: tuple[Slot, ...]
    unreadable: tuple[str, ...] = ()
    everyone_free: bool = True
    considered: tuple[str, ...] = field(default_factory=tuple)


def default_hours(zone: ZoneInfo) -> WorkingHours:
    return WorkingHours(frozenset(range(5)), time(9), time(17), zone)


def best_slots(
    people: Sequence[Availability],
    window: tuple[datetime, datetime],
    length: timedelta,
    zone: ZoneInfo,
    count: int = 3,
) -> Choice:
    """Up to `count` slots of `length` in `window` for `people` (see the module's rules)."""
    readable = [p for p in people if p.readable]
    hours = [p.hours for p in readable if p.hours is not None] or [default_hours(zone)]
    scored = [
        Slot(start, start + length, _busy(readable, start, start + length))
        for start in _starts(window, length)
        if all(h.contains(start, start + length) for h in hours)
    ]
    free = [slot for slot in scored if not slot.busy]
    pool = free or sorted(scored, key=lambda s: (len(s.busy), s.start))
    chosen: list[Slot] = []
    for slot in pool:
        if all(slot.end <= c.start or slot.start >= c.end for c in chosen):
            chosen.append(slot)
        if len(chosen) == count:
            break
    return Choice(
        slots=tuple(sorted(chosen, key=lambda s: s.start)),
        unreadable=tuple(p.name for p in people if not p.readable),
        everyone_free=bool(free),
        considered=tuple(p.name for p in readable),
    )


def _starts(window: tuple[datetime, datetime], length: timedelta) -> list[datetime]:
    start, end = (moment.astimezone(UTC) for moment in window)
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    first = epoch + -(-(start - epoch) // STEP) * STEP  # rounded up to the half hour
    starts: list[datetime] = []
    while first + length <= end and len(starts) < MAX_CANDIDATES:
        starts.append(first)
        first += STEP
    return starts


def _busy(people: Sequence[Availability], start: datetime, end: datetime) -> tuple[str, ...]:
    return tuple(
        p.name
        for p in people
        if any(s < end and e > start and status in CONFLICTS for s, e, status in p.busy)
    )
