"""Jobs: scheduled once per dedupe key, claimed by one worker at a time across replicas,
retried with backoff, given up, dropped, moved and cancelled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.storage import Backoff, JobStatus
from bot.storage.sql_store import SqlStore

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
PAYLOAD = {"meeting": "m1", "user": "u"}


async def scheduled(
    store: SqlStore, due: datetime, payload: dict[str, object] | None = None
) -> int:
    """A new job's id (no dedupe key: always scheduled)."""
    job_id = await store.schedule_job("reminder", due, payload or {})
    assert job_id is not None
    return job_id


async def test_a_job_with_a_dedupe_key_is_scheduled_once(store: SqlStore) -> None:
    first = await store.schedule_job("reminder", NOW, PAYLOAD, dedupe_key="reminder:m1")
    second = await store.schedule_job("reminder", NOW, PAYLOAD, dedupe_key="reminder:m1")
    free = [await store.schedule_job("agenda", NOW, {}) for _ in range(2)]

    assert first is not None
    assert second is None
    assert None not in free
    job = await store.job(first)
    assert job is not None
    assert (job.kind, job.payload, job.status, job.attempts) == (
        "reminder",
        PAYLOAD,
        JobStatus.PENDING,
        0,
    )


async def test_only_due_jobs_are_claimed_soonest_first(store: SqlStore) -> None:
    later = await store.schedule_job("reminder", NOW + timedelta(minutes=5), {})
    due = await store.schedule_job("reminder", NOW - timedelta(seconds=1), {})
    sooner = await store.schedule_job("reminder", NOW - timedelta(minutes=1), {})

    claimed = await store.claim_jobs("w1", NOW)

    assert [j.id for j in claimed] == [sooner, due]
    assert all(j.status is JobStatus.RUNNING and j.claimed_by == "w1" for j in claimed)
    assert all(j.attempts == 1 for j in claimed)
    assert await store.claim_jobs("w2", NOW) == []
    for job in claimed:
        await store.complete_job(job.id, "w1")
    assert [j.id for j in await store.claim_jobs("w2", NOW + timedelta(minutes=5))] == [later]


async def test_two_replicas_claiming_at_once_never_get_the_same_job(
    replicas: list[SqlStore],
) -> None:
    ids = [await scheduled(replicas[0], NOW, {"n": n}) for n in range(60)]

    async def drain(worker: str, replica: SqlStore) -> list[int]:
        got: list[int] = []
        while batch := await replica.claim_jobs(worker, NOW, limit=3):
            got += [job.id for job in batch]
            await asyncio.sleep(0)
        return got

    results = await asyncio.gather(*(drain(f"w{i}", replicas[i % 2]) for i in range(6)))

    claimed = [job_id for got in results for job_id in got]
    assert sorted(claimed) == sorted(ids)  # each job exactly once


async def test_a_job_whose_claimer_died_is_claimed_again_after_its_lease(store: SqlStore) -> None:
    job_id = await scheduled(store, NOW)
    await store.claim_jobs("crashed", NOW, lease=timedelta(seconds=30))

    assert await store.claim_jobs("w2", NOW + timedelta(seconds=10)) == []
    [again] = await store.claim_jobs("w2", NOW + timedelta(seconds=31))

    assert (again.id, again.claimed_by, again.attempts) == (job_id, "w2", 2)
    assert await store.complete_job(job_id, "crashed") is False  # no longer its job
    assert await store.complete_job(job_id, "w2") is True
    done = await store.job(job_id)
    assert done is not None
    assert done.status is JobStatus.DONE
    assert await store.claim_jobs("w3", NOW + timedelta(hours=1)) == []


async def test_a_failed_job_is_retried_with_backoff_then_given_up(store: SqlStore) -> None:
    backoff = Backoff(base=timedelta(seconds=30), cap=timedelta(minutes=2), max_attempts=3)
    job_id = await store.schedule_job("reminder", NOW, {})
    assert job_id is not None
    now, retries = NOW, []
    while claimed := await store.claim_jobs("w", now):
        [job] = claimed
        retry_at = backoff.retry_at(job.attempts, now)
        assert await store.fail_job(job.id, "w", f"connector 502 #{job.attempts}", retry_at)
        if retry_at is None:
            break
        retries.append(retry_at - now)
        assert await store.claim_jobs("w", retry_at - timedelta(seconds=1)) == []
        now = retry_at

    assert retries == [timedelta(seconds=30), timedelta(seconds=60)]
    failed = await store.job(job_id)
    assert failed is not None
    assert (failed.status, failed.attempts, failed.last_error) == (
        JobStatus.FAILED,
        3,
        "connector 502 #3",
    )


def test_backoff_doubles_up_to_its_cap() -> None:
    backoff = Backoff(base=timedelta(seconds=10), cap=timedelta(seconds=60), max_attempts=6)

    delays = [backoff.retry_at(n, NOW) for n in range(1, 7)]

    assert [d - NOW for d in delays if d] == [timedelta(seconds=s) for s in (10, 20, 40, 60, 60)]
    assert delays[-1] is None


async def test_a_job_for_a_removed_conversation_is_dropped(store: SqlStore) -> None:
    job_id = await store.schedule_job("reminder", NOW, {})
    assert job_id is not None
    await store.claim_jobs("w", NOW)

    assert await store.drop_job(job_id, "w", "403 from the connector: bot removed")

    dropped = await store.job(job_id)
    assert dropped is not None
    assert (dropped.status, dropped.last_error) == (
        JobStatus.DROPPED,
        "403 from the connector: bot removed",
    )
    assert await store.claim_jobs("w", NOW + timedelta(days=1)) == []


async def test_a_moved_meeting_moves_its_job_and_a_cancelled_one_drops_it(store: SqlStore) -> None:
    job_id = await store.schedule_job("reminder", NOW, PAYLOAD, dedupe_key="reminder:m1")
    assert job_id is not None

    assert await store.move_job("reminder:m1", NOW + timedelta(hours=1), {"moved": True})
    assert await store.claim_jobs("w", NOW) == []
    [moved] = await store.claim_jobs("w", NOW + timedelta(hours=1))
    assert moved.payload == {"moved": True}
    assert await store.move_job("reminder:m1", NOW) is False  # running: not moved under it
    await store.complete_job(job_id, "w")

    assert await store.move_job("reminder:m1", NOW + timedelta(days=1))  # runs again
    assert await store.cancel_job("reminder:m1")
    assert await store.cancel_job("reminder:m1") is False
    assert await store.claim_jobs("w", NOW + timedelta(days=2)) == []
    assert await store.move_job("reminder:unknown", NOW) is False
