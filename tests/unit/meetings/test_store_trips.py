"""What a create costs the SQLite store: its trips to the store's thread, and what it writes.

A `schedule` took four trips (the intent; the meeting recorded and the intent done; the
user's preferences; the reminder), now two: the reminder reads the preferences in its own
write, which shares the record's transaction. A `meet now` reads no preferences.
Graph's ~3 KB answer is not written twice: the meeting's record is what is read back."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.meetings.model import Meeting, Requester
from bot.meetings.reminders import NoHooks, Reminders
from bot.meetings.service import MeetingService
from bot.storage import JobStatus, Preferences
from bot.storage.sqlite import SqliteStore
from tests.support.activities import USER_AAD
from tests.support.servers import Emulator

ALEX = Requester(user_id=USER_AAD, tenant_id="tenant", name="Alex")
START = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)


class Trips:
    """Counts the work handed to the store's thread (and lets it through)."""

    def __init__(self, store: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        thread: Any = store._sqlite._thread
        real: Callable[..., Any] = thread.run

        async def counted(work: Callable[[], Any]) -> Any:
            self.count += 1
            return await real(work)

        monkeypatch.setattr(thread, "run", counted)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    opened = SqliteStore(tmp_path / "bot.sqlite3")
    await opened.open()
    await opened.save_preferences(ALEX.tenant_id, ALEX.user_id, Preferences(reminder_minutes=20))
    yield opened
    await opened.aclose()


@pytest.fixture
async def service(emulator: Emulator, store: SqliteStore) -> AsyncIterator[MeetingService]:
    graph = GraphClient(emulator.base_url, StaticTokenProvider(), max_retries=0)
    reminders = Reminders(store, 15, lambda: datetime.now(UTC))
    yield MeetingService(graph, store, join_link_waits=(0.05,), reminders=reminders)
    await graph.aclose()


def intents(path: str) -> list[tuple[str, int, int]]:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT kind, length(request), length(result) FROM intents").fetchall()
    return [(str(kind), int(request), int(result)) for kind, request, result in rows]


async def test_a_schedule_takes_two_trips_and_gets_its_reminder(
    service: MeetingService, store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await service.teams_allowed(ALEX)  # the calendar's providers, remembered for a while
    trips = Trips(store, monkeypatch)
    end = START + timedelta(minutes=30)

    meeting = await service.schedule_event(
        ALEX, "Budget review", START, end, [], ZoneInfo("Europe/Berlin"), "key-1"
    )

    assert trips.count == 2  # the intent; the record, the intent done and the reminder
    [job] = await store.claim_jobs("w", START)
    assert (job.due_at, job.payload["graph_id"], job.status) == (
        START - timedelta(minutes=20),
        meeting.id,
        JobStatus.RUNNING,
    )
    record = await store.find(ALEX.tenant_id, ALEX.user_id, "event", meeting.id)
    assert record is not None
    assert record.join_url == meeting.join_url


async def test_a_meet_now_takes_two_trips_and_reads_no_preferences(
    service: MeetingService, store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    trips = Trips(store, monkeypatch)
    now = datetime.now(UTC)

    await service.create_online_meeting(ALEX, "Standup", now, now + timedelta(minutes=15), "k")

    assert trips.count == 2
    assert await store.claim_jobs("w", now + timedelta(days=1)) == []


async def test_graphs_answer_is_not_kept_twice(service: MeetingService, store: SqliteStore) -> None:
    """The intent keeps the request (to send it again); the record keeps the meeting."""
    now = datetime.now(UTC)
    await service.create_online_meeting(ALEX, "Standup", now, now + timedelta(minutes=15), "k1")
    end = START + timedelta(minutes=30)
    await service.schedule_event(ALEX, "Review", START, end, [], ZoneInfo("UTC"), "k2")

    kept = intents(store._sqlite.path)

    assert sorted(kind for kind, _, _ in kept) == ["event", "online"]
    assert all(result == len(json.dumps({})) for _, _, result in kept)
    assert all(request < 1000 for _, request, _ in kept)


class SlowOrFailingHooks(NoHooks):
    """Told of a create: fails at once, or finishes well after the meeting is recorded."""

    def __init__(self, *, fail: bool) -> None:
        self.fail = fail
        self.finished = False

    async def created(self, requester: Requester, meeting: Meeting) -> None:
        if self.fail:
            raise RuntimeError("the hook failed")
        await asyncio.sleep(0.05)
        self.finished = True


@pytest.mark.parametrize("fail", [True, False], ids=["fails-at-once", "finishes-later"])
async def test_a_create_returns_once_its_hooks_are_done_and_the_meeting_recorded(
    emulator: Emulator, store: SqliteStore, fail: bool
) -> None:
    graph = GraphClient(emulator.base_url, StaticTokenProvider(), max_retries=0)
    hooks = SlowOrFailingHooks(fail=fail)
    service = MeetingService(graph, store, join_link_waits=(0.05,), reminders=hooks)
    now = datetime.now(UTC)
    try:
        if fail:
            with pytest.raises(RuntimeError, match="the hook failed"):
                await service.create_online_meeting(ALEX, "S", now, now + timedelta(hours=1), "k")
        else:
            await service.create_online_meeting(ALEX, "S", now, now + timedelta(hours=1), "k")
            assert hooks.finished
    finally:
        await graph.aclose()

    assert [kind for kind, _, _ in intents(store._sqlite.path)] == ["online"]
    assert len(await store.upcoming(ALEX.tenant_id, ALEX.user_id, now)) == 1
