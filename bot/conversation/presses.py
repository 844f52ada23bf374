"""What identifies a button press, and how presses of one button take turns: the user and
the button's data make its action key, claimed in the database while the press runs; the card
it was pressed on keys what it creates.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any

from bot.conversation.turn import TurnInfo
from bot.meetings.model import Requester
from bot.storage import ActionClaims
from cards import error_card
from cards.base import Card
from cards.i18n import N_, translator

log = logging.getLogger(__name__)

Settled = Callable[[], Awaitable[Card | None]]
CLAIM_POLL_SECONDS = 0.1
STILL_RUNNING = N_("Your earlier press of this button is still being carried out.")


class OneAtATime:
    """Runs a press's work by one press at a time (a claim in the database)."""

    def __init__(self, storage: ActionClaims, claim_wait: float = 60.0) -> None:
        self._storage = storage
        self._claim_wait = claim_wait

    async def __call__(
        self,
        turn: TurnInfo,
        data: Mapping[str, Any],
        settled: Settled,
        work: Callable[[], Awaitable[Card]],
    ) -> Card:
        """`work`'s card, run by one press at a time: the same button pressed again with the
        same inputs (a double click, a redelivery, another replica) waits for the first press
        and shows what it did (`settled`: the card once done, else None). The claim is a lock
        in the database, released when the work ends, so a failed press can be retried."""
        assert turn.requester is not None
        key = action_key(turn.requester, data)
        waited = 0.0
        while (done := await settled()) is None:
            if await self._storage.claim_action(key):
                try:
                    return await settled() or await work()
                finally:
                    await self._release(key)
            if waited >= self._claim_wait:
                _ = translator(turn.locale).gettext
                return error_card(_(STILL_RUNNING), _("Try again in a minute."), locale=turn.locale)
            await asyncio.sleep(CLAIM_POLL_SECONDS)
            waited += CLAIM_POLL_SECONDS
        return done

    async def _release(self, key: str) -> None:
        try:
            await self._storage.release_action(key)
        except Exception:  # the press stays claimed; the user is told about the first failure
            log.exception("Could not release card action %s after its failure", key[:12])


async def not_yet() -> Card | None:
    """Nothing settled yet: the press does its work."""
    return None


def action_key(requester: Requester, data: Mapping[str, Any]) -> str:
    payload = json.dumps(
        [requester.tenant_id, requester.user_id, dict(data)], sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def same_card(turn: TurnInfo) -> TurnInfo:
    """Key idempotency on the card pressed, so a double click creates one meeting, not two."""
    if not turn.reply_to_id:
        return turn
    return replace(turn, activity_id=f"card:{turn.reply_to_id}")
