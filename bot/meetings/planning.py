"""Finding a time: who must be free, their free/busy from Graph, the best slots.

The requester's own calendar always counts (their address is their calendar's owner); the
attendees' free/busy comes from one getSchedule call (Calendars.Read or Calendars.ReadBasic
suffice). Times come back in the requester's zone; slots are chosen by bot/meetings/slots.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.graph.zones import graph_zone
from bot.meetings.free_busy import availabilities
from bot.meetings.graph_docs import date_time_time_zone
from bot.meetings.model import Person, Requester
from bot.meetings.options import own_address
from bot.meetings.service import MeetingService
from bot.meetings.slots import Choice, best_slots

INTERVAL_MINUTES = 15


@dataclass(frozen=True)
class Search:
    """What was asked and what was found: the people (requester first), the slots."""

    people: tuple[Person, ...]
    choice: Choice
    length: timedelta


async def find_slots(
    service: MeetingService,
    requester: Requester,
    attendees: Sequence[Person],
    window: tuple[datetime, datetime],
    length: timedelta,
    tz: ZoneInfo,
    count: int = 3,
) -> Search:
    """The best `count` slots of `length` in `window` for the requester and `attendees`."""
    own = await own_address(service.graph, service.user_path(requester))
    me = Person(email=own, name=requester.name or "You", aad_id=requester.user_id)
    people = [me] if own else []
    seen = {own.lower()}
    for person in attendees:
        if person.email.lower() not in seen:
            seen.add(person.email.lower())
            people.append(person)
    zone = graph_zone(tz)
    docs = await service.graph.get_schedule(
        service.user_path(requester),
        [p.email for p in people],
        date_time_time_zone(window[0], zone),
        date_time_time_zone(window[1], zone),
        zone.key,
        INTERVAL_MINUTES,
    )
    choice = best_slots(availabilities(docs, people), window, length, tz, count)
    return Search(tuple(people), choice, length)
