"""A standalone meeting's copy in its organizer's calendar ("Add to calendar").

The copy is a plain appointment whose body carries the meeting's join link (made by
MeetingService.add_to_calendar); the meeting remembers its event id (calendar_copy_id), so the
copy moves when the meeting is rescheduled and goes when it is cancelled.
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.graph.errors import GraphNotFound
from bot.meetings.graph_docs import date_time_time_zone
from bot.meetings.model import Meeting

JSON = dict[str, Any]


class CalendarApi(Protocol):
    async def update_event(self, user: str, event_id: str, patch: JSON, tz_name: str) -> JSON: ...
    async def delete_event(self, user: str, event_id: str) -> None: ...


async def move_copy(graph: CalendarApi, user: str, meeting: Meeting, tz: ZoneInfo) -> None:
    """Give the copy the meeting's (new) start and end; a copy the user deleted stays deleted."""
    if not meeting.calendar_copy_id:
        return
    patch = {
        "start": date_time_time_zone(meeting.start, tz),
        "end": date_time_time_zone(meeting.end, tz),
    }
    with contextlib.suppress(GraphNotFound):
        await graph.update_event(user, meeting.calendar_copy_id, patch, tz.key)


async def delete_copy(graph: CalendarApi, user: str, meeting: Meeting) -> None:
    """Remove the copy with the meeting: an appointment without attendees is deleted, not
    cancelled (there is nobody to tell). Already gone is fine."""
    if not meeting.calendar_copy_id:
        return
    with contextlib.suppress(GraphNotFound):
        await graph.delete_event(user, meeting.calendar_copy_id)
