"""The job runner: every `interval` it claims due jobs in the database (so each runs on one
replica only), runs each by kind, and completes it, retries it with backoff, or drops it.

A replica that dies holding a claim loses it when the lease runs out; another replica then runs
the job. Jobs live in the database, so a restart loses none.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from bot.conversation.outbox import ConversationGone
from bot.observability import Telemetry
from bot.storage import Backoff, Job, JobRows
from bot.storage.records import DEFAULT_LEASE

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Outcome(StrEnum):
    DONE = "done"  # it did what it was for (a card was posted)
    SKIPPED = "skipped"  # nothing to do any more (the meeting was cancelled, reminders off)


JobHandler = Callable[[Job], Awaitable[Outcome]]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def worker_name() -> str:
    """Unique per process and start: host, pid and a random tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class JobRunner:
    def __init__(
        self,
        jobs: JobRows,
        handlers: Mapping[str, JobHandler],
        *,
        clock: Clock = _utcnow,
        interval: float = 1.0,
        batch: int = 20,
        lease: timedelta = DEFAULT_LEASE,
        backoff: Backoff | None = None,
        telemetry: Telemetry | None = None,
        worker: str = "",
    ) -> None:
        self._jobs = jobs
        self._handlers = dict(handlers)
        self._clock = clock
        self._interval = interval
        self._batch = batch
        self._lease = lease
        self._backoff = backoff or Backoff()
        self._telemetry = telemetry or Telemetry()
        self.worker = worker or worker_name()
        self._task: asyncio.Task[None] | None = None

    async def run_due(self) -> int:
        """Claim what is due now and run it; how many jobs were run."""
        claimed = await self._jobs.claim_jobs(
            self.worker, self._clock(), limit=self._batch, lease=self._lease
        )
        await asyncio.gather(*(self._run(job) for job in claimed))
        return len(claimed)

    async def _run(self, job: Job) -> None:
        handler = self._handlers.get(job.kind)
        if handler is None:
            await self._drop(job, f"no handler for jobs of kind {job.kind!r}")
            return
        try:
            with self._telemetry.span("job", **{"meetingbot.job.kind": job.kind}):
                outcome = await handler(job)
        except ConversationGone as gone:
            await self._drop(job, f"conversation {gone} is gone")
        except Exception as exc:
            await self._failed(job, exc)
        else:
            await self._jobs.complete_job(job.id, self.worker)
            self._telemetry.metrics.job(job.kind, outcome.value)

    async def _drop(self, job: Job, reason: str) -> None:
        log.warning("job %d (%s) dropped: %s", job.id, job.kind, reason)
        await self._jobs.drop_job(job.id, self.worker, reason)
        self._telemetry.metrics.job(job.kind, "dropped")

    async def _failed(self, job: Job, exc: Exception) -> None:
        retry_at = self._backoff.retry_at(job.attempts, self._clock())
        error = f"{type(exc).__name__}: {exc}"[:500]
        if retry_at is None:
            log.error(
                "job %d (%s) failed for good after %d attempts: %s",
                job.id,
                job.kind,
                job.attempts,
                error,
                exc_info=exc,
            )
        else:
            log.warning(
                "job %d (%s) failed (attempt %d), retry at %s: %s",
                job.id,
                job.kind,
                job.attempts,
                retry_at.isoformat(),
                error,
            )
        await self._jobs.fail_job(job.id, self.worker, error, retry_at)
        self._telemetry.metrics.job(job.kind, "retry" if retry_at else "failed")

    # --- the background loop ------------------------------------------------------------------

    def start(self) -> None:
        """Run `run_due` every `interval` seconds until `stop` (interval 0: never)."""
        if self._interval > 0 and self._task is None:
            self._task = asyncio.create_task(self._loop(), name=f"jobs {self.worker}")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _loop(self) -> None:
        while True:
            try:
                while await self.run_due() >= self._batch:
                    pass  # a full batch: more may be due
            except Exception:
                log.warning("claiming due jobs failed; trying again", exc_info=True)
            await asyncio.sleep(self._interval)
