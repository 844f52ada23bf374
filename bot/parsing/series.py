"""Where a repetition starts and ends: its first fitting day on or after the time the message
names (today or later, never in the past), and "until"/"for 6 weeks" as a last day.

The days fit as Outlook counts them (Graph concepts, "Schedule repeating appointments as
recurring events in Outlook"): a weekly series on its weekdays, a monthly one on its day of
the month (the last day of a shorter month) or on the index-th weekday of the month.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo

from bot.parsing.command import Recurrence
from bot.parsing.extras import Repeat
from bot.parsing.scan import Problem
from bot.parsing.when import local, resolve_day

INDEXES = ("first", "second", "third", "fourth")
_SEARCH_DAYS = 400


def fits(rule: Recurrence, day: date) -> bool:
    """Whether `day` is a day of the pattern (the interval counts from the first day)."""
    if rule.pattern == "daily":
        return True
    if rule.pattern == "weekly":
        return day.weekday() in rule.days
    if rule.pattern == "absoluteMonthly":
        length = calendar.monthrange(day.year, day.month)[1]
        return day.day == min(rule.day_of_month or 1, length)
    if day.weekday() not in rule.days:
        return False
    length = calendar.monthrange(day.year, day.month)[1]
    if rule.index == "last":
        return day.day + 7 > length
    return (day.day - 1) // 7 == INDEXES.index(rule.index or "first")


def _rule(repeat: Repeat, start: date) -> Recurrence:
    days, dom = repeat.days, repeat.day_of_month
    if repeat.on_start_day and repeat.pattern == "weekly":
        days = (start.weekday(),)
    if repeat.on_start_day and repeat.pattern == "absoluteMonthly":
        dom = start.day
    return Recurrence(repeat.pattern, repeat.interval, days, dom, repeat.index, count=repeat.count)


def place(
    repeat: Repeat, start: datetime, end: datetime, now: datetime, tz: tzinfo
) -> tuple[datetime, datetime, Recurrence] | Problem:
    """The first meeting (at the time given, on the first fitting day from `start`'s) and the
    series' rule, or the problem with its end."""
    rule = _rule(repeat, start.date())
    first = start.date()
    for _ in range(_SEARCH_DAYS):
        begins = local(first, start.hour, start.minute, tz)
        if fits(rule, first) and begins > now:
            break
        first += timedelta(days=1)
    length = end - start
    until = _last_day(repeat, first, now.astimezone(tz).date())
    if until is not None and until < first:
        return Problem("repeat_until_past", repeat.until_text)
    return begins, begins + length, replace(rule, start=first, until=until)


def _last_day(repeat: Repeat, first: date, today: date) -> date | None:
    if repeat.until is not None:
        return resolve_day(repeat.until, today, strict=False)
    if repeat.weeks is not None:
        return first + timedelta(weeks=repeat.weeks, days=-1)
    if repeat.months is not None:
        y, m = divmod(first.month - 1 + repeat.months, 12)
        year, month = first.year + y, m + 1
        day = min(first.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) - timedelta(days=1)
    return None
