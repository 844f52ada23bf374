"""A series' rule in words: "Every weekday at 9:15 AM, until Mar 31" (in the viewer's language;
weekday and month names and the date and time formats are the locale's, from CLDR via Babel)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from babel.dates import format_skeleton, format_time, get_day_names, get_month_names

from cards.i18n import N_, Words, translator
from cards.timefmt import babel_locale

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = list(DAYS[:5])
INDEXES = {
    "first": N_("the first"),
    "second": N_("the second"),
    "third": N_("the third"),
    "fourth": N_("the fourth"),
    "last": N_("the last"),
}


def rule_in_words(
    recurrence: Mapping[str, Any], start: datetime, tz: tzinfo, locale: str = "en-US"
) -> str:
    """How often, at what time (in the viewer's zone), and until when."""
    t = translator(locale)
    _ = t.gettext
    loc = babel_locale(locale)
    pattern = recurrence.get("pattern") or {}
    span = recurrence.get("range") or {}
    how = _how_often(pattern, locale, _)
    clock = format_time(start.astimezone(tz), "short", locale=loc)
    # TRANSLATORS: a series' rule and its time, e.g. "Every weekday at 9:15 AM"
    words = _("{rule} at {time}").format(rule=how, time=clock)
    if span.get("type") == "endDate" and span.get("endDate"):
        last = date.fromisoformat(str(span["endDate"]))
        near = last - start.date() < timedelta(days=330)
        shown = format_skeleton("MMMd" if near else "yMMMd", last, locale=loc)
        words = _("{rule}, until {date}").format(rule=words, date=shown)
    elif span.get("type") == "numbered" and span.get("numberOfOccurrences"):
        n = int(span["numberOfOccurrences"])
        words = t.ngettext("{rule}, {n} time", "{rule}, {n} times", n).format(rule=words, n=n)
    return words


def _how_often(pattern: Mapping[str, Any], locale: str, _: Words) -> str:
    kind, every = pattern.get("type"), int(pattern.get("interval") or 1)
    chosen = [d for d in DAYS if d in (pattern.get("daysOfWeek") or [])]
    days = _days(chosen, locale, _)
    index = _(INDEXES.get(str(pattern.get("index") or "first"), INDEXES["first"]))
    if kind == "daily":
        return _("Every day") if every == 1 else _("Every {n} days").format(n=every)
    if kind == "weekly":
        if chosen == WEEKDAYS and every == 1:
            return _("Every weekday")
        if every == 1:
            return _("Every {days}").format(days=days)
        if every == 2:
            return _("Every other {days}").format(days=days)
        return _("Every {n} weeks on {days}").format(n=every, days=days)
    day = pattern.get("dayOfMonth")
    if kind == "absoluteMonthly" and every == 1:
        return _("Monthly on day {day}").format(day=day)
    if kind == "absoluteMonthly":
        return _("Every {n} months on day {day}").format(n=every, day=day)
    if kind == "relativeMonthly" and every == 1:
        return _("Monthly on {index} {days}").format(index=index, days=days)
    if kind == "relativeMonthly":
        return _("Every {n} months on {index} {days}").format(n=every, index=index, days=days)
    month = get_month_names("wide", locale=babel_locale(locale))[int(pattern.get("month") or 1)]
    if kind == "absoluteYearly":
        return _("Every year on {day} {month}").format(day=day, month=month)
    return _("Every year on {index} {days} of {month}").format(index=index, days=days, month=month)


def _days(chosen: list[str], locale: str, _: Words) -> str:
    names = get_day_names("wide", locale=babel_locale(locale))
    shown = [str(names[DAYS.index(d)]) for d in chosen]
    if len(shown) < 2:
        return "".join(shown)
    # TRANSLATORS: the last two of a list of weekdays, e.g. "Monday and Wednesday"
    return _("{first} and {last}").format(first=", ".join(shown[:-1]), last=shown[-1])
