"""The bot's SQLite record: meetings it created, actions already done, older files upgraded."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.meetings.model import Meeting, Requester
from bot.meetings.store import MeetingRecord, Storage, to_meeting, to_record

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


def test_a_meeting_survives_a_restart_with_its_details(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = Storage(path)
    first.remember(record())
    first.close()

    again = Storage(path).find("t", "u", "online", "m1")

    assert again == record()
    assert again is not None
    assert again.details["dial_in"] == ["+1 5", "42"]


def test_meetings_are_per_user_and_cancelled_ones_are_not_upcoming() -> None:
    storage = Storage()
    storage.remember(record("m1"))
    storage.remember(record("m2", user_id="someone-else"))
    storage.remember(record("m3", start=START + timedelta(hours=2), end=START + timedelta(hours=3)))
    storage.mark_cancelled("t", "u", "online", "m1")

    upcoming = storage.upcoming("t", "u", START)

    assert [r.graph_id for r in upcoming] == ["m3"]
    assert storage.find("t", "u", "online", "m2") is None


def test_an_action_is_claimed_once_until_released() -> None:
    storage = Storage()
    assert storage.claim_action("k") is True
    assert storage.claim_action("k") is False
    storage.release_action("k")
    assert storage.claim_action("k") is True


def test_a_database_from_before_details_existed_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE meetings (tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL,"
        " graph_id TEXT NOT NULL, subject TEXT NOT NULL, start_utc TEXT NOT NULL,"
        " end_utc TEXT NOT NULL, join_url TEXT, cancelled INTEGER NOT NULL DEFAULT 0,"
        " created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id, kind, graph_id))"
    )
    old.execute(
        "INSERT INTO meetings VALUES ('t','u','online','old','Old',?,?,NULL,0,?)",
        (START.isoformat(), (START + timedelta(hours=1)).isoformat(), START.isoformat()),
    )
    old.commit()
    old.close()

    storage = Storage(path)

    found = storage.find("t", "u", "online", "old")
    assert found is not None
    assert found.details == {}
    storage.remember(record("new"))
    assert storage.find("t", "u", "online", "new") == record("new")


def test_a_calendar_copy_is_remembered_with_its_meeting() -> None:
    storage = Storage()
    requester = Requester(user_id="u", tenant_id="t", name="Jane")
    meeting = Meeting(
        id="m1",
        kind="online",
        subject="Retro",
        start=START,
        end=START + timedelta(minutes=30),
        join_url="https://teams.microsoft.com/l/meetup-join/x",
        organizer_name="Jane",
        calendar_copy="event-7",
    )
    storage.remember(to_record(requester, meeting))

    found = storage.find("t", "u", "online", "m1")

    assert found is not None
    assert to_meeting(found).calendar_copy == "event-7"
    without = to_record(requester, replace(meeting, calendar_copy=""))
    assert "calendar_copy" not in without.details  # nothing stored for meetings without one
