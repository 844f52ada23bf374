"""Reminders of the meetings the bot created: one job per meeting, N minutes before it starts.

The service calls `created`, `moved` and `cancelled`; each meeting's reminder has one dedupe key,
so a `schedule` redelivered to another replica (same Graph meeting) schedules nothing new. A
meeting that starts sooner than the lead gets no reminder. A failure here is logged and never
fails the meeting itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol

from bot.meetings.model import Meeting, Requester
from bot.meetings.store import to_meeting
from bot.storage import JSON, JobRows, MeetingRecord, PreferenceRows, Preferences

log = logging.getLogger(__name__)

REMINDER = "reminder"  # the job kind
SNOOZE = timedelta(minutes=5)


class MeetingHooks(Protocol):
    """What the meeting service tells about the meetings it changes."""

    async def created(self, requester: Requester, meeting: Meeting) -> None: ...
    async def moved(self, requester: Requester, meeting: Meeting) -> None: ...
    async def cancelled(self, requester: Requester, meeting: Meeting) -> None: ...


class NoHooks:
    async def created(self, requester: Requester, meeting: Meeting) -> None:
        return None

    async def moved(self, requester: Requester, meeting: Meeting) -> None:
        return None

    async def cancelled(self, requester: Requester, meeting: Meeting) -> None:
        return None


class ReminderStore(JobRows, PreferenceRows, Protocol):
    pass


def reminder_key(tenant_id: str, user_id: str, kind: str, graph_id: str) -> str:
    return f"reminder:{tenant_id}:{user_id}:{kind}:{graph_id}"


def reminder_payload(requester: Requester, meeting: Meeting) -> JSON:
    return {
        "tenant_id": requester.tenant_id,
        "user_id": requester.user_id,
        "name": requester.name,
        "kind": meeting.kind,
        "graph_id": meeting.id,
    }


class Reminders:
    """Schedules, moves and calls off reminders; `default_minutes` 0 means none by default."""

    def __init__(
        self, store: ReminderStore, default_minutes: int, clock: Callable[[], datetime]
    ) -> None:
        self._store = store
        self._default = default_minutes
        self._clock = clock

    async def lead(self, tenant_id: str, user_id: str) -> timedelta | None:
        """How long before a meeting this user is reminded; None: never."""
        return self._lead(await self._store.preferences(tenant_id, user_id))

    def _lead(self, prefs: Preferences) -> timedelta | None:
        minutes = self._default if prefs.reminder_minutes is None else prefs.reminder_minutes
        return timedelta(minutes=minutes) if minutes > 0 else None

    def _due_by(self, start: datetime, now: datetime, prefs: Preferences) -> datetime | None:
        """When a meeting starting at `start` is reminded of, by these preferences; None:
        it is not (no lead, or the lead is already past at `now`)."""
        lead = self._lead(prefs)
        if lead is None:
            return None
        due = start - lead
        return due if due > now else None

    async def _due(self, requester: Requester, meeting: Meeting) -> datetime | None:
        now = self._clock()
        if meeting.cancelled or meeting.start <= now:
            return None  # already begun (`meet now`): no lead fits, no preferences to read
        prefs = await self._store.preferences(requester.tenant_id, requester.user_id)
        return self._due_by(meeting.start, now, prefs)

    async def created(self, requester: Requester, meeting: Meeting) -> None:
        """The new meeting's reminder: the preferences read and the job written in one trip
        (and, as the ledger calls this, in the transaction that records the meeting)."""
        try:
            now = self._clock()
            if meeting.cancelled or meeting.start <= now:
                return  # already begun (`meet now`): no lead fits, no preferences to read
            tenant, user = requester.tenant_id, requester.user_id
            await self._store.schedule_user_job(
                tenant,
                user,
                REMINDER,
                partial(self._due_by, meeting.start, now),
                reminder_payload(requester, meeting),
                dedupe_key=reminder_key(tenant, user, meeting.kind, meeting.id),
            )
        except Exception:
            log.warning("Could not schedule the reminder of meeting %s", meeting.id, exc_info=True)

    async def moved(self, requester: Requester, meeting: Meeting) -> None:
        """The meeting's reminder follows it (called off when the new time is too soon)."""
        try:
            await self._move(requester, meeting)
        except Exception:
            log.warning("Could not move the reminder of meeting %s", meeting.id, exc_info=True)

    async def _move(self, requester: Requester, meeting: Meeting) -> None:
        key = reminder_key(requester.tenant_id, requester.user_id, meeting.kind, meeting.id)
        due = await self._due(requester, meeting)
        if due is None:
            await self._store.cancel_job(key)
            return
        payload = reminder_payload(requester, meeting)
        if not await self._store.move_job(key, due, payload):
            await self._store.schedule_job(REMINDER, due, payload, dedupe_key=key)

    async def cancelled(self, requester: Requester, meeting: Meeting) -> None:
        key = reminder_key(requester.tenant_id, requester.user_id, meeting.kind, meeting.id)
        try:
            await self._store.cancel_job(key)
        except Exception:
            log.warning("Could not call off the reminder of %s", meeting.id, exc_info=True)

    async def retime(self, requester: Requester, upcoming: list[MeetingRecord]) -> None:
        """The user changed their lead: every upcoming reminder moves with it."""
        for record in upcoming:
            await self._move(requester, to_meeting(record))

    async def snooze(self, requester: Requester, meeting: Meeting, tag: str) -> datetime:
        """One more reminder in five minutes; `tag` names the card snoozed (a second press of
        the same button, on any replica, schedules nothing new)."""
        due = self._clock() + SNOOZE
        key = reminder_key(requester.tenant_id, requester.user_id, meeting.kind, meeting.id)
        payload = {**reminder_payload(requester, meeting), "snoozed": True}
        await self._store.schedule_job(REMINDER, due, payload, dedupe_key=f"snooze:{key}:{tag}")
        return due
