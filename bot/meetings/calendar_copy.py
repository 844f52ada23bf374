"""A standalone meeting's copy in its organizer's calendar ("Add to calendar").

The copy is a plain appointment whose body carries the meeting's join link; it is not an online
meeting itself (that would mint a second, different link). The meeting remembers the copy's
event id, so the copy moves when the meeting is rescheduled and goes when it is cancelled.
"""

from __future__ import annotations

import contextlib
import html
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.graph.errors import GraphNotFound
from bot.meetings.graph_docs import date_time_time_zone
from bot.meetings.model import Meeting, idempotency_key

JSON = dict[str, Any]


class CalendarApi(Protocol):
    async def create_event(self, user: str, body: JSON, tz_name: str) -> JSON: ...
    async def update_event(self, user: str, event_id: str, patch: JSON, tz_name: str) -> JSON: ...
    async def delete_event(self, user: str, event_id: str) -> None: ...


async def add_copy(graph: CalendarApi, user: str, meeting: Meeting, tz: ZoneInfo) -> str:
    """Create the copy (once: its transactionId is the meeting's) and return its event id."""
    event: JSON = {
        "subject": meeting.subject,
        "start": date_time_time_zone(meeting.start, tz),
        "end": date_time_time_zone(meeting.end, tz),
        "body": {"contentType": "html", "content": _join_body(meeting.join_url or "")},
        "location": {"displayName": "Microsoft Teams meeting"},
        "transactionId": idempotency_key(meeting.kind, meeting.id, "add_to_calendar"),
    }
    doc = await graph.create_event(user, event, tz.key)
    return str(doc["id"])


async def move_copy(graph: CalendarApi, user: str, meeting: Meeting, tz: ZoneInfo) -> None:
    """Give the copy the meeting's (new) start and end; a copy the user deleted stays deleted."""
    if not meeting.calendar_copy:
        return
    patch = {
        "start": date_time_time_zone(meeting.start, tz),
        "end": date_time_time_zone(meeting.end, tz),
    }
    with contextlib.suppress(GraphNotFound):
        await graph.update_event(user, meeting.calendar_copy, patch, tz.key)


async def delete_copy(graph: CalendarApi, user: str, meeting: Meeting) -> None:
    """Remove the copy with the meeting: an appointment without attendees is deleted, not
    cancelled (there is nobody to tell). Already gone is fine."""
    if not meeting.calendar_copy:
        return
    with contextlib.suppress(GraphNotFound):
        await graph.delete_event(user, meeting.calendar_copy)


def _join_body(join_url: str) -> str:
    link = html.escape(join_url, quote=True)
    return (
        "<p>Microsoft Teams meeting</p>"
        f'<p><a href="{link}">Join the meeting now</a></p><p>{link}</p>'
    )
