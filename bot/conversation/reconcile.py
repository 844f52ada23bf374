"""Creates a crash or a fault left in doubt, settled: at start-up and then every minute, each
intent still pending after its turn's whole budget is re-issued (the same idempotent request),
its meeting recorded, and the meeting posted where it was asked for. One replica settles each
(a claim in the database); one that fails is tried again next round, for up to a day.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.conversation.origin import Origin, deliver
from bot.conversation.outbox import Outbox
from bot.graph import deadline
from bot.graph.auth import TokenAcquisitionError
from bot.graph.errors import GraphError
from bot.identity.tokens import acting_as
from bot.meetings.ledger import CALENDAR_COPY, Create
from bot.meetings.model import Requester
from bot.meetings.service import MeetingService
from bot.storage import ActionClaims, Intent, IntentRows, StorageError
from cards import meeting_card
from cards.i18n import N_, translator

log = logging.getLogger(__name__)

LATE = N_("Microsoft Graph has confirmed it now: here is your meeting.")
MAX_AGE = timedelta(days=1)


class ReconcileRows(IntentRows, ActionClaims, Protocol):
    """Pending intents, and a claim so only one replica settles each."""


class Reconciler:
    def __init__(
        self,
        meetings: MeetingService,
        storage: ReconcileRows,
        outbox: Outbox,
        clock: Callable[[], datetime],
        *,
        after: timedelta = timedelta(minutes=1),
        budget: float = 60.0,
    ) -> None:
        self._meetings = meetings
        self._storage = storage
        self._outbox = outbox
        self._clock = clock
        self._after = after
        self._budget = budget

    async def run(self, every: float = 60.0) -> None:
        """Forever (a tracked background task, cancelled on shutdown)."""
        while True:
            try:
                await self.run_once()
            except StorageError as error:
                log.warning("Could not look for pending intents: %s", error)
            except Exception:  # a bug must not stop reconciliation for good
                log.exception("Reconciliation round failed")
            await asyncio.sleep(every)

    async def run_once(self, after: timedelta | None = None) -> int:
        """Settle what has been pending longer than `after`; how many were settled."""
        now = self._clock()
        settled = 0
        cutoff = now - (self._after if after is None else after)
        for intent in await self._storage.pending_intents(cutoff):
            if intent.created_at is not None and now - intent.created_at > MAX_AGE:
                log.error(
                    "Giving up on intent %s after a day; Graph never confirmed it", intent.key
                )
                await self._storage.abandon_intent(intent.key, "not confirmed within a day")
            elif await self._settle(intent):
                settled += 1
        return settled

    async def _settle(self, intent: Intent) -> bool:
        claim = f"reconcile:{intent.key}"
        if not await self._storage.claim_action(claim):
            return False  # another replica (or an earlier round) has it
        requester = Requester(intent.user_id, intent.tenant_id)
        try:
            with acting_as(requester), deadline.within(self._budget):
                meeting = await self._meetings.reconcile(intent)
        except (GraphError, TokenAcquisitionError, StorageError) as error:
            log.warning("Intent %s still unsettled: %s", intent.key, error)
            await self._storage.release_action(claim)
            return False
        log.info("Settled intent %s: %s %s", intent.key, meeting.kind, meeting.id[:16])
        origin = Origin.from_json(Create.of(intent).origin)
        if origin is not None and intent.kind != CALENDAR_COPY:
            late = translator(origin.locale).gettext(LATE)
            card = meeting_card(meeting, origin.tz, origin.locale, notice=late)
            await deliver(self._outbox, origin, card, in_place=True)
        return True
