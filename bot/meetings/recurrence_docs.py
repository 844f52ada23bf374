"""The parser's Recurrence as Graph's patternedRecurrence (pattern + range)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from bot.parsing import Recurrence

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def patterned(rule: Recurrence, tz: ZoneInfo) -> dict[str, Any]:
    """`range.startDate` is the first meeting's date, in `tz` (its recurrenceTimeZone)."""
    pattern: dict[str, Any] = {"type": rule.pattern, "interval": rule.interval}
    if rule.days:
        pattern["daysOfWeek"] = [DAYS[d] for d in rule.days]
    if rule.day_of_month is not None:
        pattern["dayOfMonth"] = rule.day_of_month
    if rule.index is not None:
        pattern["index"] = rule.index
    span: dict[str, Any] = {
        "type": "noEnd",
        "startDate": rule.start.isoformat() if rule.start else None,
        "recurrenceTimeZone": tz.key,
    }
    if rule.until is not None:
        span.update(type="endDate", endDate=rule.until.isoformat())
    elif rule.count is not None:
        span.update(type="numbered", numberOfOccurrences=rule.count)
    return {"pattern": pattern, "range": span}
