"""What the bot keeps of a meeting: the one mapping Meeting <-> MeetingRecord.

Graph cannot list standalone online meetings, and `cancel <name>` must only touch meetings this
bot created, so the bot keeps its own record, in the store (bot/storage). `Storage` is the
embedded SQLite store at a path, for code and tests that build one by hand.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.meetings.model import DialIn, Meeting, Requester
from bot.storage.records import MeetingRecord
from bot.storage.sqlite import SqliteStore as Storage

__all__ = ["MeetingRecord", "Storage", "to_meeting", "to_record"]


#: How long a series without an end stays among a user's upcoming meetings.
SERIES_HORIZON = timedelta(days=10 * 366)


def to_record(requester: Requester, meeting: Meeting) -> MeetingRecord:
    """The one mapping from a meeting to what the bot keeps of it (and back: to_meeting).
    A series is kept until its last meeting ends, so `cancel <name>` finds it all along; its
    first meeting's end is in the details."""
    dial_in = meeting.dial_in
    return MeetingRecord(
        tenant_id=requester.tenant_id,
        user_id=requester.user_id,
        kind=meeting.kind,
        graph_id=meeting.id,
        subject=meeting.subject,
        start=meeting.start,
        end=_series_end(meeting) if meeting.recurrence else meeting.end,
        join_url=meeting.join_url,
        cancelled=meeting.cancelled,
        details={
            "organizer_name": meeting.organizer_name,
            "attendees": list(meeting.attendees),
            "dial_in": [dial_in.toll_number, dial_in.conference_id] if dial_in else None,
            "link_refused": meeting.link_refused,
            "calendar_copy_id": meeting.calendar_copy_id,
            "recurrence": dict(meeting.recurrence) if meeting.recurrence else None,
            "options": dict(meeting.options) if meeting.options else None,
            "outsiders": list(meeting.outsiders),
            "first_end": meeting.end.isoformat(),
        },
    )


def _series_end(meeting: Meeting) -> datetime:
    """When a series' last meeting ends, at the latest (no end: a long horizon)."""
    span = (meeting.recurrence or {}).get("range") or {}
    if span.get("type") == "endDate" and span.get("endDate"):
        last = date.fromisoformat(str(span["endDate"]))
        return datetime.combine(last, meeting.end.timetz()) + timedelta(days=1)
    if span.get("type") == "numbered":
        return meeting.end + timedelta(days=366 * int(span.get("numberOfOccurrences") or 1))
    return meeting.end + SERIES_HORIZON


def to_meeting(record: MeetingRecord) -> Meeting:
    details = record.details
    dial_in = details.get("dial_in")
    first_end = details.get("first_end")
    return Meeting(
        id=record.graph_id,
        kind=record.kind,
        subject=record.subject,
        start=record.start,
        end=datetime.fromisoformat(first_end) if first_end else record.end,
        join_url=record.join_url,
        organizer_id=record.user_id,
        organizer_name=str(details.get("organizer_name") or ""),
        attendees=tuple(str(a) for a in details.get("attendees") or ()),
        dial_in=DialIn(str(dial_in[0]), str(dial_in[1])) if dial_in else None,
        cancelled=record.cancelled,
        link_refused=bool(details.get("link_refused")),
        calendar_copy_id=str(details.get("calendar_copy_id") or ""),
        recurrence=details.get("recurrence") or None,
        options=details.get("options") or None,
        outsiders=tuple(str(a) for a in details.get("outsiders") or ()),
    )
