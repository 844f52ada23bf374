"""The Outbox over the Bot Connector: botbuilder's continue_conversation, with the stored
conversation reference, for reminders, agendas and results that finish after the HTTP answer."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from botbuilder.core import CloudAdapterBase, MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ErrorResponseException,
)

from bot.conversation.outbox import ConversationGone
from bot.conversation.reply import ADAPTIVE_CARD
from bot.storage import ConversationRef
from cards.base import Card

log = logging.getLogger(__name__)

GONE = frozenset({HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND})
Logic = Callable[[TurnContext], Awaitable[None]]


def conversation_reference(ref: ConversationRef) -> ConversationReference:
    return ConversationReference(
        channel_id=ref.channel_id,
        service_url=ref.service_url,
        conversation=ConversationAccount(
            id=ref.conversation_id,
            conversation_type=ref.conversation_type,
            tenant_id=ref.tenant_id,
        ),
        bot=ChannelAccount(id=ref.bot_id),
        user=ChannelAccount(id=ref.user_channel_id, name=ref.user_name, aad_object_id=ref.user_id),
        locale=ref.locale or None,
    )


def _card_activity(card: Card, activity_id: str | None = None) -> Activity:
    activity: Activity = MessageFactory.attachment(
        Attachment(content_type=ADAPTIVE_CARD, content=card)
    )
    if activity_id:
        activity.id = activity_id
        activity.type = ActivityTypes.message
    return activity


class ConnectorOutbox:
    """Posts and updates through the adapter, as the bot's own app id."""

    def __init__(self, adapter: CloudAdapterBase, app_id: str) -> None:
        self._adapter = adapter
        self._app_id = app_id

    async def post(self, reference: ConversationRef, card: Card) -> str:
        sent: dict[str, str] = {}

        async def send(context: TurnContext) -> None:
            response = await context.send_activity(_card_activity(card))
            sent["id"] = str(getattr(response, "id", "") or "")

        await self._continue(reference, send)
        return sent.get("id", "")

    async def update(self, reference: ConversationRef, activity_id: str, card: Card) -> None:
        async def replace(context: TurnContext) -> None:
            await context.update_activity(_card_activity(card, activity_id))

        await self._continue(reference, replace)

    async def _continue(self, reference: ConversationRef, logic: Logic) -> None:
        """Run `logic` in a continuation turn; its failure is raised here, not swallowed by
        the adapter's turn error handler (that one answers users, and nobody asked)."""
        failures: list[Exception] = []

        async def guarded(context: TurnContext) -> None:
            try:
                await logic(context)
            except Exception as exc:
                failures.append(exc)

        await self._adapter.continue_conversation(
            conversation_reference(reference), guarded, self._app_id
        )
        if not failures:
            return
        error = failures[0]
        status = getattr(getattr(error, "response", None), "status_code", None)
        if isinstance(error, ErrorResponseException) and status in GONE:
            log.info("conversation %s is gone (%s)", reference.conversation_id, status)
            raise ConversationGone(reference.conversation_id) from error
        raise error
