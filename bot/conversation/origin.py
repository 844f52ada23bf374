"""Where a result that comes after the HTTP answer goes: the turn's conversation, and for a
pressed button the card it was pressed on (updated in place). Kept with a create's intent, so
whoever settles it later (the background work, the reconciler after a restart) can post it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.conversation.outbox import ConversationGone, Outbox
from bot.conversation.references import reference_of
from bot.conversation.turn import TurnInfo, TurnKind
from bot.storage import ConversationRef
from cards.base import Card

log = logging.getLogger(__name__)

JSON = dict[str, Any]


@dataclass(frozen=True)
class Origin:
    """Where a background result is posted: the conversation, and the card it replaces."""

    reference: ConversationRef
    card_id: str = ""  # the message whose button was pressed: its card is replaced
    zone: str = "UTC"
    locale: str = "en-US"

    @classmethod
    def of(cls, turn: TurnInfo) -> Origin | None:
        reference = reference_of(turn)
        if reference is None:
            return None
        card_id = turn.reply_to_id if turn.kind is TurnKind.CARD_ACTION else ""
        return cls(reference, card_id, turn.tz.key, turn.locale)

    @property
    def tz(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.zone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def as_json(self) -> JSON:
        return {
            "reference": self.reference.as_json(),
            "cardId": self.card_id,
            "zone": self.zone,
            "locale": self.locale,
        }

    @classmethod
    def from_json(cls, doc: JSON) -> Origin | None:
        reference = doc.get("reference")
        if not isinstance(reference, dict) or not reference.get("conversation_id"):
            return None
        return cls(
            ConversationRef.from_json(reference),
            str(doc.get("cardId") or ""),
            str(doc.get("zone") or "UTC"),
            str(doc.get("locale") or "en-US"),
        )


def origin_json(turn: TurnInfo) -> JSON:
    origin = Origin.of(turn)
    return origin.as_json() if origin is not None else {}


async def deliver(outbox: Outbox, origin: Origin, card: Card, *, in_place: bool) -> bool:
    """Post `card` into the conversation, or (`in_place`, for a pressed button) put it where
    the pressed card was; False, with one log line, when it could not be delivered."""
    reference = origin.reference
    try:
        if in_place and origin.card_id:
            await outbox.update(reference, origin.card_id, card)
        else:
            await outbox.post(reference, card)
    except ConversationGone:
        log.info("Result for %s dropped: the conversation is gone", reference.conversation_id)
        return False
    except Exception as error:  # the connector failed: say so in the log, never silently
        log.warning(
            "Could not deliver a result to %s: %s", reference.conversation_id, repr(error)[:200]
        )
        return False
    return True
