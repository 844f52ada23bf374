"""A series' rule in words: "Every weekday at 09:15, until 31 Mar"."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def rule_in_words(recurrence: Mapping[str, Any], start: datetime, tz: ZoneInfo) -> str:
    """How often, at what time (in the viewer's zone), and until when."""
    pattern = recurrence.get("pattern") or {}
    span = recurrence.get("range") or {}
    words = f"{_how_often(pattern)} at {start.astimezone(tz):%H:%M}"
    if span.get("type") == "endDate" and span.get("endDate"):
        words += f", until {_day(date.fromisoformat(str(span['endDate'])), start.date())}"
    elif span.get("type") == "numbered" and span.get("numberOfOccurrences"):
        words += f", {int(span['numberOfOccurrences'])} times"
    return words


def _how_often(pattern: Mapping[str, Any]) -> str:
    kind, every = pattern.get("type"), int(pattern.get("interval") or 1)
    days = [d for d in DAYS if d in (pattern.get("daysOfWeek") or [])]
    names = _join([d.capitalize() for d in days])
    if kind == "daily":
        return "Every day" if every == 1 else f"Every {every} days"
    if kind == "weekly":
        if days == WEEKDAYS and every == 1:
            return "Every weekday"
        if every == 1:
            return f"Every {names}"
        return f"Every other {names}" if every == 2 else f"Every {every} weeks on {names}"
    months = "Monthly" if every == 1 else f"Every {every} months"
    index = str(pattern.get("index") or "first")
    if kind == "absoluteMonthly":
        return f"{months} on day {pattern.get('dayOfMonth')}"
    if kind == "relativeMonthly":
        return f"{months} on the {index} {names}"
    month = MONTHS[int(pattern.get("month") or 1) - 1]
    if kind == "absoluteYearly":
        return f"Every year on {pattern.get('dayOfMonth')} {month[:3]}"
    return f"Every year on the {index} {names} of {month}"


def _join(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _day(day: date, first: date) -> str:
    near = day - first < timedelta(days=330)
    return f"{day.day} {MONTHS[day.month - 1][:3]}" + ("" if near else f" {day.year}")
