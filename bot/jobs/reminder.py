"""The reminder job: the card "Starts in 10 min" with Join, Snooze, Reschedule and Cancel,
posted where the organizer talks to the bot, in their zone and language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.conversation.outbox import ConversationGone, Outbox
from bot.jobs.audience import recipient, viewer
from bot.jobs.runner import Outcome
from bot.meetings.store import to_meeting
from bot.observability import Telemetry
from bot.storage import ConversationRef, Job, MeetingRows, PreferenceRows, ReferenceRows
from cards.reminder import reminder_card

log = logging.getLogger(__name__)


class ReminderRows(MeetingRows, PreferenceRows, ReferenceRows, Protocol):
    pass


async def post_or_forget(
    store: ReferenceRows, outbox: Outbox, target: ConversationRef, card: dict[str, object]
) -> None:
    """Post; a conversation the bot was removed from is forgotten (and the job dropped)."""
    try:
        await outbox.post(target, card)
    except ConversationGone:
        await store.forget_conversation(target.conversation_id)
        raise


class ReminderJob:
    def __init__(
        self,
        store: ReminderRows,
        outbox: Outbox,
        default_zone: ZoneInfo,
        clock: Callable[[], datetime],
        telemetry: Telemetry,
    ) -> None:
        self._store = store
        self._outbox = outbox
        self._default_zone = default_zone
        self._clock = clock
        self._telemetry = telemetry

    async def __call__(self, job: Job) -> Outcome:
        p = job.payload
        tenant, user = str(p["tenant_id"]), str(p["user_id"])
        record = await self._store.find(tenant, user, str(p["kind"]), str(p["graph_id"]))
        now = self._clock()
        if record is None or record.cancelled or record.end <= now:
            return Outcome.SKIPPED
        prefs = await self._store.preferences(tenant, user)
        if not prefs.reminders_on and not p.get("snoozed"):
            return Outcome.SKIPPED
        target = await recipient(self._store, tenant, user)
        if target is None:
            log.info("reminder %d: user has no conversation with the bot", job.id)
            return Outcome.SKIPPED
        zone, locale = viewer(prefs, target, self._default_zone)
        card = reminder_card(to_meeting(record), zone, locale, now)
        await post_or_forget(self._store, self._outbox, target, card)
        self._telemetry.metrics.reminder_sent()
        return Outcome.DONE
