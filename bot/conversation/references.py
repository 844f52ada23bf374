"""Remember where each user talks to the bot, so it can post there later (reminders, agendas,
results that finish after the HTTP answer): a middleware step in front of every turn."""

from __future__ import annotations

import asyncio
import logging

from bot.conversation.gates import Middleware, Next
from bot.conversation.reply import Reply
from bot.conversation.turn import TurnInfo
from bot.storage import ConversationRef, ReferenceRows

log = logging.getLogger(__name__)


def reference_of(turn: TurnInfo) -> ConversationRef | None:
    """The turn's conversation reference, or None when it names no user or endpoint."""
    if turn.requester is None or not turn.conversation_id or not turn.service_url:
        return None
    return ConversationRef(
        tenant_id=turn.requester.tenant_id,
        user_id=turn.requester.user_id,
        conversation_id=turn.conversation_id,
        service_url=turn.service_url,
        channel_id=turn.channel_id,
        bot_id=turn.bot_id,
        user_channel_id=turn.sender_id,
        user_name=turn.requester.name,
        conversation_type=turn.conversation_type,
        locale=turn.locale,
        zone=turn.tz.key,
    )


def remember_reference(store: ReferenceRows) -> Middleware:
    """Store (or refresh) the turn's reference while the turn goes on, and end the turn only
    once it is stored: the answer does not need it, so it need not wait for it (and with
    SQLite the write shares a transaction with the turn's first one). A storage failure is
    logged and the turn still runs."""

    async def save(reference: ConversationRef, conversation_id: str) -> None:
        try:
            await store.save_reference(reference)
        except Exception:
            log.warning(
                "Could not store the conversation reference of %s", conversation_id, exc_info=True
            )

    async def remember(turn: TurnInfo, call_next: Next) -> Reply:
        reference = reference_of(turn)
        if reference is None:
            return await call_next()
        saving = asyncio.create_task(save(reference, turn.conversation_id))
        try:
            return await call_next()
        finally:
            await saving

    return remember
