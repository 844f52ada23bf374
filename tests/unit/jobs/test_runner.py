"""The job runner, once per backend: a due job runs once (across replicas too), a failure is
retried with backoff and then given up, a conversation that is gone drops its job with a log
line, a replica that dies holding a job loses it when its lease runs out, and jobs survive a
restart. The clock is moved by hand: nothing here waits."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bot.conversation.outbox import ConversationGone
from bot.jobs import JobRunner, Outcome
from bot.observability import Telemetry
from bot.storage import Backoff, Job, JobStatus
from bot.storage.sql_store import SqlStore
from tests.support.clock import Clock
from tests.unit.storage.conftest import Backend

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


class Recorder:
    """A job handler that records what it ran, and fails or says "gone" when told to."""

    def __init__(self, fail: int = 0, gone: bool = False) -> None:
        self.ran: list[int] = []
        self.fail = fail
        self.gone = gone

    async def __call__(self, job: Job) -> Outcome:
        self.ran.append(job.id)
        await asyncio.sleep(0.01)  # long enough for another replica to look at the same job
        if self.gone:
            raise ConversationGone("conv-1")
        if self.fail:
            self.fail -= 1
            raise RuntimeError("connector said 502")
        return Outcome.DONE


def runner(store: SqlStore, handler: Recorder, clock: Clock, **kw: object) -> JobRunner:
    return JobRunner(store, {"reminder": handler}, clock=clock, interval=0, **kw)  # type: ignore[arg-type]


async def test_a_due_job_runs_once_and_a_later_one_waits(store: SqlStore) -> None:
    clock, handler = Clock(START), Recorder()
    telemetry = Telemetry()
    jobs = runner(store, handler, clock, telemetry=telemetry)
    due = await store.schedule_job("reminder", START, {})
    later = await store.schedule_job("reminder", START + timedelta(minutes=10), {})

    assert await jobs.run_due() == 1
    assert await jobs.run_due() == 0
    clock.advance(minutes=10)
    assert await jobs.run_due() == 1

    assert handler.ran == [due, later]
    assert {(await store.job(j)).status for j in (due, later) if j} == {JobStatus.DONE}  # type: ignore[union-attr]
    assert telemetry.metrics.value("meetingbot_jobs_total", kind="reminder", outcome="done") == 2


async def test_a_failed_job_is_retried_with_backoff_then_given_up(store: SqlStore) -> None:
    clock, handler = Clock(START), Recorder(fail=10)
    backoff = Backoff(base=timedelta(seconds=30), max_attempts=3)
    jobs = runner(store, handler, clock, backoff=backoff)
    job_id = await store.schedule_job("reminder", START, {})
    assert job_id is not None

    await jobs.run_due()
    first = await store.job(job_id)
    assert first is not None
    assert (first.status, first.due_at) == (JobStatus.PENDING, START + timedelta(seconds=30))
    assert "502" in first.last_error
    clock.advance(seconds=29)
    assert await jobs.run_due() == 0  # not before its backoff
    clock.advance(seconds=1)
    await jobs.run_due()
    clock.advance(seconds=60)  # the second retry waits twice as long
    await jobs.run_due()

    final = await store.job(job_id)
    assert final is not None
    assert (final.status, final.attempts, len(handler.ran)) == (JobStatus.FAILED, 3, 3)


async def test_a_job_whose_conversation_is_gone_is_dropped_with_a_log_line(
    store: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    clock, handler = Clock(START), Recorder(gone=True)
    job_id = await store.schedule_job("reminder", START, {})
    assert job_id is not None

    with caplog.at_level(logging.WARNING, logger="bot.jobs.runner"):
        await runner(store, handler, clock).run_due()

    job = await store.job(job_id)
    assert job is not None
    assert job.status is JobStatus.DROPPED
    assert any("dropped" in r.message and "conv-1" in r.message for r in caplog.records)
    clock.advance(hours=1)
    assert await runner(store, handler, clock).run_due() == 0  # never again


async def test_a_job_of_an_unknown_kind_is_dropped(store: SqlStore) -> None:
    job_id = await store.schedule_job("poll", START, {})
    assert job_id is not None
    await runner(store, Recorder(), Clock(START)).run_due()
    job = await store.job(job_id)
    assert job is not None
    assert job.status is JobStatus.DROPPED


async def test_replicas_running_together_run_each_job_exactly_once(
    replicas: list[SqlStore],
) -> None:
    clock, handler = Clock(START), Recorder()
    ids = [await replicas[0].schedule_job("reminder", START, {"n": n}) for n in range(30)]
    workers = [runner(replicas[n % 2], handler, clock, batch=4) for n in range(4)]

    for _ in range(10):
        await asyncio.gather(*(w.run_due() for w in workers))

    assert Counter(handler.ran) == Counter(ids)


async def test_a_job_held_by_a_replica_that_died_runs_after_its_lease(store: SqlStore) -> None:
    clock, handler = Clock(START), Recorder()
    job_id = await store.schedule_job("reminder", START, {})
    await store.claim_jobs("dead-replica", START, lease=timedelta(seconds=30))  # then it died
    jobs = runner(store, handler, clock)

    assert await jobs.run_due() == 0
    clock.advance(seconds=31)
    assert await jobs.run_due() == 1
    assert handler.ran == [job_id]


async def test_jobs_survive_a_restart(backend: Backend) -> None:
    first = backend.store()
    await first.open()
    job_id = await first.schedule_job("reminder", START, {"meeting": "m1"})
    await first.aclose()

    second = backend.store()
    await second.open()
    try:
        handler = Recorder()
        await runner(second, handler, Clock(START)).run_due()
    finally:
        await second.aclose()
    assert handler.ran == [job_id]


async def test_the_background_loop_runs_due_jobs_until_stopped(store: SqlStore) -> None:
    handler = Recorder()
    jobs = JobRunner(store, {"reminder": handler}, interval=0.05)
    job_id = await store.schedule_job("reminder", datetime.now(UTC), {})
    jobs.start()
    try:
        for _ in range(100):
            if handler.ran:
                break
            await asyncio.sleep(0.02)
    finally:
        await jobs.stop()
    assert handler.ran == [job_id]
