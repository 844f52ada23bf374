"""Whether two time zones keep the same clock: the same UTC offset at every instant of a span.

CLDR maps each IANA zone to the Windows zone that matched it when the mapping was written; the
tz database moves on (Greenland's Scoresbysund, Antarctic stations), so zones.py checks a
mapping against the rules before trusting it, and looks for a Windows zone that does match.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache

#: How far ahead the rules must agree: meetings are rarely booked further out.
HORIZON_YEARS = 3
_WEEK = timedelta(days=7)
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class _Clock:
    """A time zone's offsets over a span of weeks, and when they change."""

    weekly: tuple[timedelta | None, ...]  # the offset at the start of each week of the span
    changes: tuple[datetime, ...]  # each instant the offset changes, to the minute


def _offset(zone: tzinfo, instant: datetime) -> timedelta | None:
    return instant.astimezone(zone).utcoffset()


def _change_in(zone: tzinfo, before: datetime, after: datetime) -> datetime:
    """The first minute of (before, after] at which `zone`'s offset differs from `before`'s."""
    first = _offset(zone, before)
    low, high = before, after
    while high - low > _MINUTE:
        middle = low + (high - low) / 2
        if _offset(zone, middle) == first:
            low = middle
        else:
            high = middle
    return high


@cache
def _clock(zone: tzinfo, year: int) -> _Clock:
    start = datetime(year, 1, 1, tzinfo=UTC)
    weeks = [start + n * _WEEK for n in range(53 * HORIZON_YEARS)]
    weekly = tuple(_offset(zone, week) for week in weeks)
    changes = tuple(
        _change_in(zone, before, after)
        for before, after, was, now in zip(weeks, weeks[1:], weekly, weekly[1:], strict=False)
        if was != now
    )
    return _Clock(weekly, changes)


def same_rules(a: tzinfo, b: tzinfo, year: int | None = None) -> bool:
    """True when `a` and `b` agree on the UTC offset at every instant of HORIZON_YEARS from
    1 January of `year` (this year by default), transitions included."""
    year = year or datetime.now(UTC).year
    clock_a, clock_b = _clock(a, year), _clock(b, year)
    if clock_a.weekly != clock_b.weekly:
        return False
    for change in clock_a.changes + clock_b.changes:
        for instant in (change - _MINUTE, change):
            if _offset(a, instant) != _offset(b, instant):
                return False
    return True


def fixed_offset(zone: tzinfo, year: int | None = None) -> timedelta | None:
    """The zone's one UTC offset over the span, or None when it changes (daylight saving)."""
    clock = _clock(zone, year or datetime.now(UTC).year)
    return clock.weekly[0] if not clock.changes else None
