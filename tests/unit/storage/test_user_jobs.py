"""A job whose due time depends on the user's preferences, read in the transaction that writes
it (a `schedule`'s reminder): the preferences it saw, no job when they say none, once per
dedupe key, and all of it or nothing. On SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.storage import JobStatus, Preferences
from bot.storage.sql_store import SqlStore

START = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
PAYLOAD = {"graph_id": "m1", "user_id": "u"}


def lead_of(seen: list[Preferences]) -> Callable[[Preferences], datetime | None]:
    """Due `reminder_minutes` before START (15 when unset; none when 0), noting what it saw."""

    def due(prefs: Preferences) -> datetime | None:
        seen.append(prefs)
        minutes = 15 if prefs.reminder_minutes is None else prefs.reminder_minutes
        return START - timedelta(minutes=minutes) if minutes else None

    return due


async def test_the_job_is_due_by_the_preferences_read_with_it(store: SqlStore) -> None:
    seen: list[Preferences] = []
    await store.save_preferences("t", "u", Preferences(reminder_minutes=40, zone="Europe/Oslo"))

    job_id = await store.schedule_user_job("t", "u", "reminder", lead_of(seen), PAYLOAD)

    assert job_id is not None
    job = await store.job(job_id)
    assert job is not None
    assert (job.kind, job.due_at, job.payload, job.status) == (
        "reminder",
        START - timedelta(minutes=40),
        PAYLOAD,
        JobStatus.PENDING,
    )
    assert seen == [Preferences(reminder_minutes=40, zone="Europe/Oslo")]


async def test_without_preferences_the_defaults_decide(store: SqlStore) -> None:
    seen: list[Preferences] = []

    job_id = await store.schedule_user_job("t", "nobody", "reminder", lead_of(seen), PAYLOAD)

    assert seen == [Preferences()]
    job = await store.job(job_id or 0)
    assert job is not None
    assert job.due_at == START - timedelta(minutes=15)


async def test_no_due_time_writes_no_job(store: SqlStore) -> None:
    await store.save_preferences("t", "u", Preferences(reminder_minutes=0))

    job_id = await store.schedule_user_job("t", "u", "reminder", lead_of([]), PAYLOAD)

    assert job_id is None
    assert await store.claim_jobs("w", START + timedelta(days=1)) == []


async def test_a_dedupe_key_schedules_one_job_even_when_asked_together(store: SqlStore) -> None:
    asked = [
        store.schedule_user_job("t", "u", "reminder", lead_of([]), PAYLOAD, dedupe_key="r:m1")
        for _ in range(5)
    ]

    ids = await asyncio.gather(*asked)

    assert len([job_id for job_id in ids if job_id is not None]) == 1
    assert len(await store.claim_jobs("w", START)) == 1


async def test_a_failing_due_fails_its_caller_alone_and_writes_nothing(store: SqlStore) -> None:
    def broken(prefs: Preferences) -> datetime | None:
        raise ValueError("no such zone")

    outcomes = await asyncio.gather(
        store.schedule_user_job("t", "u", "reminder", broken, PAYLOAD, dedupe_key="r:bad"),
        store.schedule_user_job("t", "u", "reminder", lead_of([]), PAYLOAD, dedupe_key="r:ok"),
        store.save_preferences("t", "v", Preferences(locale="de-DE")),
        return_exceptions=True,
    )

    assert isinstance(outcomes[0], ValueError)
    assert isinstance(outcomes[1], int)
    assert outcomes[2] is None
    assert [job.dedupe_key for job in await store.claim_jobs("w", START)] == ["r:ok"]
    assert (await store.preferences("t", "v")).locale == "de-DE"


@pytest.mark.parametrize("minutes", [None, 30])
async def test_a_naive_due_time_is_refused_and_nothing_is_written(
    store: SqlStore, minutes: int | None
) -> None:
    """A due time the store cannot keep is the caller's error, in the same transaction."""
    await store.save_preferences("t", "u", Preferences(reminder_minutes=minutes))

    with pytest.raises(ValueError, match="naive"):
        await store.schedule_user_job(
            "t", "u", "reminder", lambda prefs: START.replace(tzinfo=None), PAYLOAD
        )

    assert await store.claim_jobs("w", START + timedelta(days=1)) == []
