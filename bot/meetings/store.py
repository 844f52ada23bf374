"""What the bot keeps of a meeting: the one mapping Meeting <-> MeetingRecord.

Graph cannot list standalone online meetings, and `cancel <name>` must only touch meetings this
bot created, so the bot keeps its own record, in the store (bot/storage). `Storage` is the
embedded SQLite store at a path, for code and tests that build one by hand.
"""

from __future__ import annotations

from bot.meetings.model import DialIn, Meeting, Requester
from bot.storage.records import MeetingRecord
from bot.storage.sqlite import SqliteStore as Storage

__all__ = ["MeetingRecord", "Storage", "to_meeting", "to_record"]


def to_record(requester: Requester, meeting: Meeting) -> MeetingRecord:
    """The one mapping from a meeting to what the bot keeps of it (and back: to_meeting)."""
    dial_in = meeting.dial_in
    return MeetingRecord(
        tenant_id=requester.tenant_id,
        user_id=requester.user_id,
        kind=meeting.kind,
        graph_id=meeting.id,
        subject=meeting.subject,
        start=meeting.start,
        end=meeting.end,
        join_url=meeting.join_url,
        cancelled=meeting.cancelled,
        details={
            "organizer_name": meeting.organizer_name,
            "attendees": list(meeting.attendees),
            "dial_in": [dial_in.toll_number, dial_in.conference_id] if dial_in else None,
            "link_refused": meeting.link_refused,
            "calendar_copy_id": meeting.calendar_copy_id,
        },
    )


def to_meeting(record: MeetingRecord) -> Meeting:
    details = record.details
    dial_in = details.get("dial_in")
    return Meeting(
        id=record.graph_id,
        kind=record.kind,
        subject=record.subject,
        start=record.start,
        end=record.end,
        join_url=record.join_url,
        organizer_id=record.user_id,
        organizer_name=str(details.get("organizer_name") or ""),
        attendees=tuple(str(a) for a in details.get("attendees") or ()),
        dial_in=DialIn(str(dial_in[0]), str(dial_in[1])) if dial_in else None,
        cancelled=record.cancelled,
        link_refused=bool(details.get("link_refused")),
        calendar_copy_id=str(details.get("calendar_copy_id") or ""),
    )
