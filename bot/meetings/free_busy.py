"""getSchedule's answer (scheduleInformation) as the bot's Availability, one per person.

A schedule with an `error` (someone outside the tenant, no mailbox: Graph answers responseCode
5009, microsoft-graph-docs issue #11225) is unreadable: the person is named, not counted.
Working hours in a zone the bot cannot name (a custom time zone) are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import time
from typing import Any

from bot.graph.zones import zone_named
from bot.meetings.graph_docs import from_date_time_time_zone
from bot.meetings.model import Person
from bot.meetings.slots import Availability, WorkingHours

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def availabilities(
    docs: Sequence[Mapping[str, Any]], people: Sequence[Person]
) -> list[Availability]:
    """One Availability per person, matched to Graph's answers by address (in order)."""
    by_address = {str(d.get("scheduleId") or "").lower(): d for d in docs}
    return [_availability(by_address.get(p.email.lower()), p) for p in people]


def _availability(doc: Mapping[str, Any] | None, person: Person) -> Availability:
    if doc is None or doc.get("error") or doc.get("availabilityView") is None:
        return Availability(person.label, readable=False)
    busy = tuple(
        (
            from_date_time_time_zone(item["start"]),
            from_date_time_time_zone(item["end"]),
            str(item.get("status") or "busy"),
        )
        for item in doc.get("scheduleItems") or []
        if item.get("start") and item.get("end")
    )
    return Availability(person.label, busy, _hours(doc.get("workingHours")))


def _hours(value: Any) -> WorkingHours | None:
    if not isinstance(value, Mapping):
        return None
    zone = zone_named(str((value.get("timeZone") or {}).get("name") or ""))
    try:
        start = time.fromisoformat(str(value.get("startTime"))[:8])
        end = time.fromisoformat(str(value.get("endTime"))[:8])
    except ValueError:
        return None
    days = frozenset(DAYS.index(d) for d in value.get("daysOfWeek") or () if d in DAYS)
    if zone is None or not days or end <= start:
        return None
    return WorkingHours(days, start, end, zone)
