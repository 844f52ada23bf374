"""The runner with every kind of job the bot runs, built from the runtime's parts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.config import Settings
from bot.conversation.outbox import Outbox
from bot.jobs.agenda import AgendaJob
from bot.jobs.reminder import ReminderJob
from bot.jobs.runner import JobHandler, JobRunner
from bot.meetings.agenda import AGENDA, DailyAgenda
from bot.meetings.reminders import REMINDER
from bot.meetings.service import MeetingService
from bot.observability import Telemetry
from bot.storage import JobRows, MeetingRows, PreferenceRows, ReferenceRows


class JobStore(JobRows, MeetingRows, PreferenceRows, ReferenceRows, Protocol):
    pass


def job_runner(
    settings: Settings,
    store: JobStore,
    outbox: Outbox,
    meetings: MeetingService,
    agenda: DailyAgenda,
    clock: Callable[[], datetime],
    telemetry: Telemetry,
) -> JobRunner:
    zone = settings.default_zone
    handlers: dict[str, JobHandler] = {
        REMINDER: ReminderJob(store, outbox, zone, clock, telemetry),
        AGENDA: AgendaJob(store, outbox, meetings, agenda, zone, clock),
    }
    return JobRunner(
        store,
        handlers,
        clock=clock,
        interval=settings.jobs.poll_seconds,
        lease=timedelta(seconds=settings.jobs.lease_seconds),
        telemetry=telemetry,
    )
