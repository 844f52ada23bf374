"""patternedRecurrence as Outlook reads it: which rules are possible, and the days they give.

The rules are Microsoft's "Schedule repeating appointments as recurring events in Outlook"
(Graph concepts, outlook-schedule-recurring-events.md): each pattern type's required
properties (daily: interval; weekly: interval, daysOfWeek; absoluteMonthly: interval,
dayOfMonth; relativeMonthly: interval, daysOfWeek, optional index; absoluteYearly: interval,
dayOfMonth, month; relativeYearly: interval, daysOfWeek, month), each range type's (startDate
always, endDate for "endDate", a positive numberOfOccurrences for "numbered"); "startDate MUST
correspond to the date value of the start property", and "the first occurrence of the meeting
might not occur on this date if it does not fit the pattern". A weekly week begins on
firstDayOfWeek (default Sunday); relative patterns take the index-th day in the month that is
one of daysOfWeek ("if more than one value is specified, the event falls on the first day that
satisfies the pattern"), index defaulting to "first".

A pattern without an interval is a 500 ErrorInternalServerError on real Graph
(microsoft-graph-docs issue #7119), and the emulator answers the same. The other refusals use
Exchange's ErrorInvalidRequest wording ("Your request can't be completed."); the rules are
documented, the exact wording of Graph's refusal is not. A day of month a short month lacks
(the 31st) falls on that month's last day, as Outlook schedules it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from graph_emulator.errors import GraphError
from graph_emulator.event_online import refuse

JSONObject = dict[str, Any]

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
INDEXES = ("first", "second", "third", "fourth", "last")
#: How far an endless series is expanded at most (a view further out than this is empty).
HORIZON_YEARS = 10
_NEEDS: dict[str, tuple[str, ...]] = {
    "daily": (),
    "weekly": ("daysOfWeek",),
    "absoluteMonthly": ("dayOfMonth",),
    "relativeMonthly": ("daysOfWeek",),
    "absoluteYearly": ("dayOfMonth", "month"),
    "relativeYearly": ("daysOfWeek", "month"),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A checked recurrence: the pattern's values and the range's bounds (dates are local to
    the series' zone)."""

    kind: str
    interval: int
    days: tuple[int, ...]  # Monday = 0
    day_of_month: int
    month: int
    index: str
    first_day: int
    start: date
    end: date | None
    count: int | None


def check_rule(recurrence: JSONObject, start: date | None = None) -> Rule:
    """The rule of a schema-valid patternedRecurrence, or Graph's error for an impossible one;
    `start`, when given, is the date of the event's start in the series' zone (a new series)."""
    pattern, span = recurrence.get("pattern"), recurrence.get("range")
    if not pattern or not span:
        raise refuse("A recurrence needs both a pattern and a range.")
    kind = pattern.get("type")
    if kind is None:
        raise refuse("The recurrence pattern needs its type.")
    interval = int(pattern.get("interval") or 0)
    if interval < 1:
        raise GraphError(
            500,
            "ErrorInternalServerError",
            "An internal server error occurred. The operation failed.",
        )
    for name in _NEEDS[kind]:
        if not pattern.get(name):
            raise refuse(f"A {kind} recurrence pattern needs {name}.")
    rule = Rule(
        kind=kind,
        interval=interval,
        days=tuple(DAYS.index(d) for d in pattern.get("daysOfWeek") or () if d),
        day_of_month=int(pattern.get("dayOfMonth") or 0),
        month=int(pattern.get("month") or 0),
        index=pattern.get("index") or "first",
        first_day=DAYS.index(pattern.get("firstDayOfWeek") or "sunday"),
        start=_range_start(span, start),
        end=None,
        count=None,
    )
    _check_values(rule)
    return _with_range(rule, span)


def _range_start(span: JSONObject, start: date | None) -> date:
    text = span.get("startDate")
    if not text:
        raise refuse("The recurrence range needs its startDate.")
    day = _date(text, "startDate")
    if start is not None and day != start:
        raise refuse(
            f"The recurrence range's startDate ({day}) must be the date of the event's start "
            f"({start})."
        )
    return day


def _check_values(rule: Rule) -> None:
    if rule.kind in ("absoluteMonthly", "absoluteYearly") and not 1 <= rule.day_of_month <= 31:
        raise refuse(f"The dayOfMonth {rule.day_of_month} is not a day of a month (1 to 31).")
    if rule.kind in ("absoluteYearly", "relativeYearly") and not 1 <= rule.month <= 12:
        raise refuse(f"The month {rule.month} is not a month of the year (1 to 12).")
    if rule.kind == "absoluteYearly" and rule.day_of_month > _longest(rule.month):
        raise refuse(
            f"Month {rule.month} never has a day {rule.day_of_month}: the series has no occurrence."
        )


def _longest(month: int) -> int:
    return calendar.monthrange(2000, month)[1]  # 2000 is a leap year


def _with_range(rule: Rule, span: JSONObject) -> Rule:
    kind = span.get("type")
    if kind == "endDate":
        if not span.get("endDate"):
            raise refuse("A recurrence range of type endDate needs its endDate.")
        end = _date(span["endDate"], "endDate")
        if end < rule.start:
            raise refuse(f"The recurrence range ends ({end}) before it starts ({rule.start}).")
        checked = Rule(**{**_fields(rule), "end": end})
    elif kind == "numbered":
        count = int(span.get("numberOfOccurrences") or 0)
        if count < 1:
            raise refuse("numberOfOccurrences must be a positive integer.")
        checked = Rule(**{**_fields(rule), "count": count})
    elif kind == "noEnd":
        checked = rule
    else:
        raise refuse("The recurrence range needs its type.")
    if next(occurrence_dates(checked), None) is None:
        raise refuse("The recurrence has no occurrence between its start and end dates.")
    return checked


def _fields(rule: Rule) -> dict[str, Any]:
    return {name: getattr(rule, name) for name in Rule.__slots__}


def _date(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise refuse(f"The recurrence range's {name} '{text}' is not a date.") from None


def occurrence_dates(rule: Rule, until: date | None = None) -> Iterator[date]:
    """The series' days in order, from its start to its end (or `until`, or the horizon)."""
    last = rule.end or rule.start.replace(year=rule.start.year + HORIZON_YEARS)
    if until is not None:
        last = min(last, until)
    produced = 0
    for day in _candidates(rule):
        if day > last or (rule.count is not None and produced >= rule.count):
            return
        if day >= rule.start:
            produced += 1
            yield day


def _candidates(rule: Rule) -> Iterator[date]:
    if rule.kind == "daily":
        day = rule.start
        while True:
            yield day
            day += timedelta(days=rule.interval)
    elif rule.kind == "weekly":
        yield from _weekly(rule)
    elif rule.kind in ("absoluteMonthly", "relativeMonthly"):
        yield from _monthly(rule)
    else:
        yield from _yearly(rule)


def _weekly(rule: Rule) -> Iterator[date]:
    week = rule.start - timedelta(days=(rule.start.weekday() - rule.first_day) % 7)
    order = sorted(rule.days, key=lambda d: (d - rule.first_day) % 7)
    while True:
        for day in order:
            yield week + timedelta(days=(day - rule.first_day) % 7)
        week += timedelta(weeks=rule.interval)


def _monthly(rule: Rule) -> Iterator[date]:
    year, month = rule.start.year, rule.start.month
    while True:
        yield _day_in(rule, year, month)
        year, month = divmod(year * 12 + month - 1 + rule.interval, 12)
        month += 1


def _yearly(rule: Rule) -> Iterator[date]:
    year = rule.start.year
    while True:
        yield _day_in(rule, year, rule.month)
        year += rule.interval


def _day_in(rule: Rule, year: int, month: int) -> date:
    """The rule's day in a month: a day of month (clamped), or the index-th allowed weekday."""
    length = calendar.monthrange(year, month)[1]
    if rule.kind.startswith("absolute"):
        return date(year, month, min(rule.day_of_month, length))
    allowed = [
        date(year, month, d)
        for d in range(1, length + 1)
        if date(year, month, d).weekday() in rule.days
    ]
    return allowed[-1] if rule.index == "last" else allowed[INDEXES.index(rule.index)]
