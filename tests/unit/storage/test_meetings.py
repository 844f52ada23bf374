"""Meetings the bot created: kept per user, with their details, across restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage import MeetingRecord
from bot.storage.sql_store import SqlStore
from tests.unit.storage.conftest import Backend

START = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)


def record(graph_id: str = "m1", **changes: object) -> MeetingRecord:
    base: dict[str, object] = {
        "tenant_id": "t",
        "user_id": "u",
        "kind": "online",
        "graph_id": graph_id,
        "subject": "Design sync",
        "start": START,
        "end": START + timedelta(minutes=30),
        "join_url": "https://teams.microsoft.com/l/meetup-join/x",
        "details": {"organizer_name": "Jane", "attendees": ["Ann"], "dial_in": ["+1 5", "42"]},
    }
    base.update(changes)
    return MeetingRecord(**base)  # type: ignore[arg-type]


async def test_a_meeting_survives_a_restart_with_its_details(backend: Backend) -> None:
    first = backend.store()
    await first.open()
    await first.remember(record())
    await first.aclose()

    again = backend.store()
    await again.open()
    found = await again.find("t", "u", "online", "m1")
    await again.aclose()

    assert found == record()
    assert found is not None
    assert found.details["dial_in"] == ["+1 5", "42"]
    assert found.start.utcoffset() == timedelta(0)


async def test_meetings_are_per_user_and_cancelled_ones_are_not_upcoming(store: SqlStore) -> None:
    await store.remember(record("m1"))
    await store.remember(record("m2", user_id="someone-else"))
    later = START + timedelta(hours=2)
    await store.remember(record("m3", start=later, end=later + timedelta(hours=1)))
    await store.mark_cancelled("t", "u", "online", "m1")

    upcoming = await store.upcoming("t", "u", START)
    cancelled = await store.upcoming("t", "u", START, cancelled=True)

    assert [r.graph_id for r in upcoming] == ["m3"]
    assert [r.graph_id for r in cancelled] == ["m1"]
    assert await store.find("t", "u", "online", "m2") is None


async def test_remembering_again_updates_the_meeting(store: SqlStore) -> None:
    await store.remember(record())
    moved = START + timedelta(days=1)
    await store.remember(record(start=moved, end=moved + timedelta(hours=1), subject="Moved"))

    found = await store.find("t", "u", "online", "m1")

    assert found is not None
    assert (found.subject, found.start) == ("Moved", moved)


async def test_upcoming_is_soonest_first_and_ended_meetings_are_left_out(store: SqlStore) -> None:
    for hours, graph_id in ((5, "late"), (-2, "over"), (1, "soon")):
        at = START + timedelta(hours=hours)
        await store.remember(record(graph_id, start=at, end=at + timedelta(minutes=30)))

    upcoming = await store.upcoming("t", "u", START)

    assert [r.graph_id for r in upcoming] == ["soon", "late"]


async def test_a_zone_aware_time_is_kept_as_the_same_instant(store: SqlStore) -> None:
    from zoneinfo import ZoneInfo

    berlin = datetime(2026, 11, 26, 15, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    await store.remember(record(start=berlin, end=berlin + timedelta(hours=1)))

    found = await store.find("t", "u", "online", "m1")

    assert found is not None
    assert found.start == START
