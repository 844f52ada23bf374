"""Turn the phrases found into aware datetimes in the sender's zone. The rules are documented in
bot.parsing; DST: a wall time that does not exist moves forward, an ambiguous one is the first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import NamedTuple

from bot.parsing.atoms import Clock, DateSpec, Found
from bot.parsing.scan import Problem

RECENT_PAST_DAYS = 31  # "Nov 20" said on Nov 25 is a mistake, not next year's Nov 20


class Slots(NamedTuple):
    date: Found | None = None
    time: Found | None = None
    part: Found | None = None  # the phrase naming a part of day ("morning", "tonight")
    duration: Found | None = None
    zone: Found | None = None

    @property
    def period(self) -> str | None:
        return self.part.period if self.part else None


class When(NamedTuple):
    start: datetime | None = None
    end: datetime | None = None
    problem: Problem | None = None


def collect(finds: list[Found]) -> Slots | Problem:
    """At most one date, time, part of day, duration and zone; the first error wins."""
    bad = next((f for f in finds if f.error), None)
    if bad is not None:
        return Problem(bad.error or "bad_time", bad.text)
    date = time = part = duration = zone = None
    for f in finds:
        if f.zones:
            if zone is not None and zone.zones != f.zones:
                return Problem("two_zones", zone.text, f.text)
            zone = zone or f
        if f.date is not None or f.delta is not None:
            if date is not None:
                return Problem("two_dates", date.text, f.text)
            date = f
        if f.time is not None or f.delta is not None:
            if time is not None:
                return Problem("two_times", time.text, f.text)
            time = f
        if f.period is not None:
            if part is not None and part.period != f.period:
                return Problem("two_times", part.text, f.text)
            part = part or f
        if f.duration is not None:
            if duration is not None:
                return Problem("two_durations", duration.text, f.text)
            duration = f
    return Slots(date, time, part, duration, zone)


def local(day: date, h: int, mi: int, tz: tzinfo) -> datetime:
    """Wall time on `day` in `tz`, normalised through UTC (moves times in a DST gap forward)."""
    return _local(day, h, mi, tz, id(tz))


@lru_cache(maxsize=1024)
def _local(day: date, h: int, mi: int, tz: tzinfo, _tz_id: int) -> datetime:
    """The same few days and hours are placed for every message: each once (two zone
    conversions). Keyed by the zone object itself, not by equality: two fixed
    offsets of different names are equal, and the result carries its zone."""
    return datetime(day.year, day.month, day.day, h, mi, tzinfo=tz).astimezone(UTC).astimezone(tz)


def hour24(c: Clock, period: str | None) -> int:
    """Bare hours: 1-6 are afternoon (at 3 = 15:00), 7-12 are as written; a part of day decides."""
    if c.fixed:
        return c.h
    if c.mer is not None:
        return c.h % 12 + (12 if c.mer == "pm" else 0)
    if period in ("afternoon", "evening"):
        return c.h + 12 if c.h < 12 else c.h
    if period == "morning":
        return c.h
    named = c.h if c.named is None else c.named  # "quarter to 7" is 6:45 in the morning
    return c.h + 12 if 1 <= named <= 6 else c.h


def _pair(first: Clock, second: Clock, period: str | None) -> tuple[int, int, bool] | None:
    """Start and end hours of "3-4pm", "10-2pm", "9-10", "11pm-1am"; True when it ends next day."""
    h2 = hour24(second, None)
    if first.mer is None and not first.fixed and second.mer is not None and period is None:
        same = hour24(Clock(first.h, first.mi, second.mer), None)
        h1 = same if (same, first.mi) < (h2, second.mi) else hour24(first, None)
    else:
        h1 = hour24(first, period)
        if second.mer is None and not second.fixed:
            later = [
                h for h in (second.h, second.h + 12) if h < 24 and (h, second.mi) > (h1, first.mi)
            ]
            h2 = later[0] if later else second.h
    if (h2, second.mi) > (h1, first.mi):
        return h1, h2, False
    if second.mer == "am" and h1 >= 12:
        return h1, h2, True
    if second.fixed and (h2 + 24 - h1) * 60 + second.mi - first.mi <= 12 * 60:
        return h1, h2, True  # "22:00 to 01:00" ends the next day
    return None


def resolve_day(spec: DateSpec, today: date, *, strict: bool = True) -> date | None:
    """The calendar day a date phrase names; None when it lies in the past (`strict`)."""
    if spec.kind == "past":
        return None if strict else today - timedelta(days=1)
    if spec.kind == "days":
        return today + timedelta(days=spec.n)
    if spec.kind == "weekday":
        ahead = (spec.n - today.weekday()) % 7
        if spec.mode == "last":
            return None if strict else today - timedelta(days=(today.weekday() - spec.n) % 7 or 7)
        if spec.mode == "next":
            ahead = ahead or 7
        elif spec.mode == "next_week":
            ahead = 7 - today.weekday() + spec.n
        elif spec.mode == "after_next":
            ahead = 14 - today.weekday() + spec.n
        return today + timedelta(days=ahead)
    if spec.kind == "dom":
        for k in range(13):
            y, m = divmod(today.month - 1 + k, 12)
            candidate = _safe_date(today.year + y, m + 1, spec.d)
            if candidate and candidate >= today:
                return candidate
        return None
    if spec.y is not None:
        day = _safe_date(spec.y, spec.m, spec.d)
        return None if day is None or (strict and day < today) else day
    this_year = _safe_date(today.year, spec.m, spec.d)
    if this_year and (this_year >= today or (today - this_year).days <= RECENT_PAST_DAYS):
        return None if strict and this_year < today else this_year
    return next(
        (d for y in range(today.year + 1, today.year + 9) if (d := _safe_date(y, spec.m, spec.d))),
        None,
    )


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def said(*finds: Found | None) -> str:
    """The user's own words for the phrases, in the order written (for error messages)."""
    parts = sorted((f for f in finds if f is not None), key=lambda f: f.start)
    return " ".join(dict.fromkeys(f.text for f in parts))


def resolve(slots: Slots, now: datetime, tz: tzinfo, default: timedelta) -> When:
    """Start and end of a meeting from the slots; When() when the message names no time at all."""
    now_local = now.astimezone(tz)
    duration = slots.duration.duration if slots.duration else None
    tf, df = slots.time, slots.date
    if tf is not None and tf.delta is not None:
        start = (now_local.astimezone(UTC) + tf.delta).astimezone(tz)  # elapsed, not wall, time
        start = start.replace(second=0, microsecond=0)  # "in 2 hours" means that minute
        return When(start, (start.astimezone(UTC) + (duration or default)).astimezone(tz))
    if tf is None and slots.period is None:
        if df is None:
            return When()
        if df.date is not None and df.date.kind == "past":
            return When(problem=Problem("past", df.text))
        return When(problem=Problem("need_time_for", df.text))
    clock = tf.time if tf is not None and tf.time is not None else None
    period = slots.period
    default_hour = {"morning": 9, "afternoon": 14, "evening": 18}
    h1, m1, h2, m2, next_day = (default_hour.get(period or "", 9), 0, 0, 0, False)
    until = tf.until if tf is not None else None
    if clock is not None and until is not None:
        paired = _pair(clock, until, period)
        if paired is None:
            return When(problem=Problem("end_before_start", tf.text if tf else ""))
        h1, h2, next_day = paired
        m1, m2 = clock.mi, until.mi
    elif clock is not None:
        h1, m1 = hour24(clock, period), clock.mi
    if tf is not None and until is not None and slots.duration is not None:
        return When(problem=Problem("range_and_duration", tf.text, slots.duration.text))
    return _place(slots, now_local, tz, (h1, m1, h2, m2, next_day), duration or default)


def _place(
    slots: Slots,
    now_local: datetime,
    tz: tzinfo,
    hours: tuple[int, int, int, int, bool],
    length: timedelta,
) -> When:
    h1, m1, h2, m2, next_day = hours
    today = now_local.date()
    spec = slots.date.date if slots.date else None
    day = today if spec is None else resolve_day(spec, today)
    if day is None:
        return When(problem=Problem("past", said(slots.date, slots.time, slots.part)))
    if spec is not None and spec.weekday is not None and spec.weekday != day.weekday():
        words = said(slots.date, slots.time, slots.part)
        return When(problem=Problem("weekday_mismatch", words, str(day.weekday())))
    floor = now_local.replace(second=0, microsecond=0)
    if local(day, h1, m1, tz) < floor:
        if spec is None:
            day += timedelta(days=1)
        elif spec.kind == "weekday" and spec.mode in ("", "this") and day == today:
            day += timedelta(days=7)
        else:
            return When(problem=Problem("past", said(slots.date, slots.time, slots.part)))
    start = local(day, h1, m1, tz)
    if slots.time is None or slots.time.until is None:
        return When(start, (start.astimezone(UTC) + length).astimezone(tz))
    end = local(day + timedelta(days=next_day), h2, m2, tz)
    if end <= start:  # the range straddles a DST gap
        end = start + timedelta(hours=h2 - h1 + 24 * next_day, minutes=m2 - m1)
    return When(start, end)
