"""Messages the bot starts: a card posted into a stored conversation, or a card it posted
before, updated in place. The transport implements the Outbox; the conversation and the jobs
only see this protocol."""

from __future__ import annotations

from typing import Protocol

from bot.storage import ConversationRef
from cards.base import Card


class ConversationGone(Exception):
    """The channel refused the conversation (403/404): the bot was removed or the chat deleted.
    Whatever meant to post there is dropped, with one log line."""


class Outbox(Protocol):
    async def post(self, reference: ConversationRef, card: Card) -> str:
        """Post `card` as a new message; its activity id (to update it later)."""
        ...

    async def update(self, reference: ConversationRef, activity_id: str, card: Card) -> None:
        """Replace the card of a message the bot posted."""
        ...
