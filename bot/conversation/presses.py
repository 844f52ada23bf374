"""What identifies a button press: the user and the button's data (its action key, claimed
while the press runs), and the card it was pressed on (the idempotency key of what it creates).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.conversation.turn import TurnInfo
from bot.meetings.model import Requester
from cards.base import Card


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
