"""Jobs: work due later (reminders, agendas), run once across every replica.

A claim takes due jobs (and jobs whose claimer's lease ran out: it crashed) in one statement:
PostgreSQL skips rows another replica has locked (`FOR UPDATE SKIP LOCKED`); SQLite has one
writer at a time, so the claiming statement is the only one running. `dedupe_key` is unique:
a job scheduled twice (a redelivered `schedule`, another replica) exists once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.storage.database import Database, Row, Statement
from bot.storage.records import DEFAULT_LEASE, JSON, Job, JobStatus, Preferences
from bot.storage.rows_people import PREFERENCES_SQL, preferences_of
from bot.storage.rows_today import utc_now

JOB_COLUMNS = (
    "id, kind, due_at, payload, attempts, status, dedupe_key, claimed_by, claimed_until, last_error"
)
PENDING, RUNNING = JobStatus.PENDING.value, JobStatus.RUNNING.value
_DUE = "(status=? AND due_at <= ?) OR (status=? AND claimed_until < ?)"
_CLAIM = "status=?, claimed_by=?, claimed_until=?, attempts=attempts+1"
CLAIM_SQL = {  # placeholders: the claim's then the due rows' (sqlite), the other way (postgresql)
    "sqlite": f"UPDATE jobs SET {_CLAIM} WHERE id IN "
    f"(SELECT id FROM jobs WHERE {_DUE} ORDER BY due_at, id LIMIT ?) RETURNING {JOB_COLUMNS}",
    "postgresql": f"WITH due AS (SELECT id FROM jobs WHERE {_DUE} ORDER BY due_at, id LIMIT ? "
    f"FOR UPDATE SKIP LOCKED) UPDATE jobs SET {_CLAIM} FROM due WHERE jobs.id = due.id "
    f"RETURNING {', '.join('jobs.' + c.strip() for c in JOB_COLUMNS.split(','))}",
}


INSERT_JOB = (
    "INSERT INTO jobs (kind, due_at, payload, dedupe_key, created_at) VALUES (?,?,?,?,?) "
    "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id"
)


class JobRowsSql:
    _db: Database

    async def schedule_job(
        self, kind: str, due_at: datetime, payload: JSON, *, dedupe_key: str | None = None
    ) -> int | None:
        """The new job's id, or None when a job with this dedupe key exists already."""
        db = self._db
        rows = await db.fetch(
            INSERT_JOB, (kind, db.ts(due_at), db.json(payload), dedupe_key, db.ts(utc_now()))
        )
        return int(rows[0][0]) if rows else None

    async def schedule_user_job(
        self,
        tenant_id: str,
        user_id: str,
        kind: str,
        due: Callable[[Preferences], datetime | None],
        payload: JSON,
        *,
        dedupe_key: str | None = None,
    ) -> int | None:
        """A job due when `due` says from the user's preferences (None: no job), the
        preferences read in the transaction that writes the job: one trip where a read and
        then a write took two. The new job's id, or None. `due` must be quick and pure (with
        SQLite it runs on the store's thread)."""
        db = self._db
        fixed = (db.json(payload), dedupe_key, db.ts(utc_now()))  # made here, on the loop

        def insert(rows: list[Row]) -> list[Statement]:
            when = due(preferences_of(rows))
            return [] if when is None else [(INSERT_JOB, (kind, db.ts(when), *fixed))]

        written = await db.read_then_write((PREFERENCES_SQL, (tenant_id, user_id)), insert)
        return int(written[0][0][0]) if written and written[0] else None

    async def move_job(
        self, dedupe_key: str, due_at: datetime, payload: JSON | None = None
    ) -> bool:
        """A new due time (a rescheduled meeting's reminder); a job that ran runs again.
        False when there is no such job or it is running right now."""
        db = self._db
        changed = await db.execute(
            "UPDATE jobs SET due_at=?, payload=COALESCE(?, payload), status=?, attempts=0, "
            "claimed_by=NULL, claimed_until=NULL, last_error='' WHERE dedupe_key=? AND status<>?",
            (
                db.ts(due_at),
                None if payload is None else db.json(payload),
                PENDING,
                dedupe_key,
                RUNNING,
            ),
        )
        return changed == 1

    async def cancel_job(self, dedupe_key: str) -> bool:
        """Call off a job that has not run (a cancelled meeting's reminder)."""
        changed = await self._db.execute(
            "UPDATE jobs SET status=? WHERE dedupe_key=? AND status=?",
            (JobStatus.CANCELLED.value, dedupe_key, PENDING),
        )
        return changed == 1

    async def claim_jobs(
        self, worker: str, now: datetime, *, limit: int = 10, lease: timedelta = DEFAULT_LEASE
    ) -> list[Job]:
        """Due jobs, now this worker's until `now + lease`; no two workers get the same job."""
        db = self._db
        claim = (RUNNING, worker, db.ts(now + lease))
        due = (PENDING, db.ts(now), RUNNING, db.ts(now), limit)
        params = (*due, *claim) if db.dialect == "postgresql" else (*claim, *due)
        rows = await db.fetch(CLAIM_SQL[db.dialect], params)
        return sorted((self._job(row) for row in rows), key=lambda j: (j.due_at, j.id))

    async def complete_job(self, job_id: int, worker: str) -> bool:
        return await self._finish(job_id, worker, JobStatus.DONE, "")

    async def fail_job(
        self, job_id: int, worker: str, error: str, retry_at: datetime | None
    ) -> bool:
        """Back to pending at `retry_at` (see records.Backoff), or failed for good when None."""
        if retry_at is None:
            return await self._finish(job_id, worker, JobStatus.FAILED, error)
        changed = await self._db.execute(
            "UPDATE jobs SET status=?, due_at=?, last_error=?, claimed_by=NULL, "
            "claimed_until=NULL WHERE id=? AND claimed_by=? AND status=?",
            (PENDING, self._db.ts(retry_at), error, job_id, worker, RUNNING),
        )
        return changed == 1

    async def drop_job(self, job_id: int, worker: str, reason: str) -> bool:
        """Nothing left to do it for, e.g. the bot was removed from the conversation."""
        return await self._finish(job_id, worker, JobStatus.DROPPED, reason)

    async def job(self, job_id: int) -> Job | None:
        rows = await self._db.fetch(f"SELECT {JOB_COLUMNS} FROM jobs WHERE id=?", (job_id,))
        return self._job(rows[0]) if rows else None

    async def _finish(self, job_id: int, worker: str, status: JobStatus, error: str) -> bool:
        """Only the worker still holding the claim may finish a job."""
        changed = await self._db.execute(
            "UPDATE jobs SET status=?, last_error=?, claimed_until=NULL "
            "WHERE id=? AND claimed_by=? AND status=?",
            (status.value, error, job_id, worker, RUNNING),
        )
        return changed == 1

    def _job(self, row: Row) -> Job:
        job_id, kind, due_at, payload, attempts, status, dedupe, by, until, error = row
        return Job(
            id=int(job_id),
            kind=str(kind),
            due_at=self._db.read_ts(due_at),
            payload=self._db.read_json(payload) or {},
            attempts=int(attempts),
            status=JobStatus(status),
            dedupe_key=None if dedupe is None else str(dedupe),
            claimed_by=str(by or ""),
            claimed_until=None if until is None else self._db.read_ts(until),
            last_error=str(error or ""),
        )
