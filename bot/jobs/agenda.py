"""The daily agenda job: the day's meetings from Graph's calendarView (so also those the bot did
not create) with Join buttons, or a short "nothing today"; then the next weekday's is due."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.conversation.outbox import Outbox
from bot.identity.tokens import SignInRequired, acting_as
from bot.jobs.audience import recipient, viewer
from bot.jobs.reminder import post_or_forget
from bot.jobs.runner import Outcome
from bot.meetings.agenda import DailyAgenda
from bot.meetings.model import Requester
from bot.meetings.service import MeetingService
from bot.storage import Job, PreferenceRows, ReferenceRows
from cards import error_card
from cards.base import Card
from cards.i18n import N_, translator
from cards.reminder import agenda_card

log = logging.getLogger(__name__)

#: Delegated mode: the agenda reads the calendar with the user's own (stored, refreshed)
#: token; when that is gone, the user is told instead of the agenda silently not coming.
SIGNED_OUT = (
    N_("I couldn't read your calendar for today's agenda: you are no longer signed in."),
    N_(
        "Send me any request, for example **my meetings**, and sign in when I ask; "
        "your agenda comes again on the next weekday."
    ),
)


class AgendaRows(PreferenceRows, ReferenceRows, Protocol):
    pass


class AgendaJob:
    def __init__(
        self,
        store: AgendaRows,
        outbox: Outbox,
        meetings: MeetingService,
        agenda: DailyAgenda,
        default_zone: ZoneInfo,
        clock: Callable[[], datetime],
    ) -> None:
        self._store = store
        self._outbox = outbox
        self._meetings = meetings
        self._agenda = agenda
        self._default_zone = default_zone
        self._clock = clock

    async def __call__(self, job: Job) -> Outcome:
        p = job.payload
        requester = Requester(str(p["user_id"]), str(p["tenant_id"]), str(p.get("name") or ""))
        prefs = await self._store.preferences(requester.tenant_id, requester.user_id)
        if prefs.agenda_at != p["at"]:
            return Outcome.SKIPPED  # changed since, or turned off
        target = await recipient(self._store, requester.tenant_id, requester.user_id)
        if target is None:
            log.info("agenda %d: user has no conversation with the bot; agenda ends", job.id)
            return Outcome.SKIPPED
        zone, locale = viewer(prefs, target, self._default_zone, str(p.get("zone") or ""))
        # The next one first: should this one fail for good, tomorrow's still comes.
        await self._agenda.schedule(requester, str(p["at"]), zone, max(job.due_at, self._clock()))
        day = job.due_at.astimezone(zone).date()
        start = datetime.combine(day, time(0), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        card: Card
        try:
            with acting_as(requester):
                meetings = await self._meetings.list_meetings(requester, start, end, zone)
            card = agenda_card(meetings, zone, locale)
        except SignInRequired:
            log.info("agenda %d: user %s must sign in again", job.id, requester.user_id)
            _ = translator(locale).gettext
            card = error_card(_(SIGNED_OUT[0]), _(SIGNED_OUT[1]), locale=locale)
        await post_or_forget(self._store, self._outbox, target, card)
        return Outcome.DONE
