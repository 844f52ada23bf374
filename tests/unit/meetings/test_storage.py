"""What the bot keeps of a meeting: the Meeting <-> MeetingRecord mapping, through a store.
(The store itself, once per backend, is tested in tests/unit/storage/.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.meetings.model import DialIn, Meeting, Requester
from bot.meetings.store import Storage, to_meeting, to_record

START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
JANE = Requester(user_id="u", tenant_id="t", name="Jane")


def meeting(**changes: object) -> Meeting:
    base: dict[str, object] = {
        "id": "m1",
        "kind": "online",
        "subject": "Design sync",
        "start": START,
        "end": START + timedelta(minutes=30),
        "join_url": "https://teams.microsoft.com/l/meetup-join/x",
        "organizer_id": "u",
        "organizer_name": "Jane",
        "attendees": ("Ann", "Bob"),
        "dial_in": DialIn("+1 555 0100", "42"),
    }
    base.update(changes)
    return Meeting(**base)  # type: ignore[arg-type]


async def test_a_meeting_comes_back_from_the_store_as_it_went_in() -> None:
    storage = Storage()
    await storage.remember(to_record(JANE, meeting()))

    record = await storage.find("t", "u", "online", "m1")

    assert record is not None
    assert to_meeting(record) == meeting()
    storage.close()


async def test_a_cancelled_meeting_without_dial_in_keeps_both_facts() -> None:
    storage = Storage()
    await storage.remember(to_record(JANE, meeting(dial_in=None, cancelled=True)))

    record = await storage.find("t", "u", "online", "m1")

    assert record is not None
    back = to_meeting(record)
    assert (back.cancelled, back.dial_in) == (True, None)
    storage.close()
