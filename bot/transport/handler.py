"""The Bot Framework bot: activity in, `Conversation.dispatch`, its Reply out as activities.

Everything botbuilder-specific stays in bot/transport, so the conversation and everything
below it does not depend on botbuilder-python (archived by Microsoft at the end of 2025).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from contextvars import ContextVar
from http import HTTPStatus
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import ClientError
from azure.core.exceptions import DeserializationError
from botbuilder.core import Bot, MessageFactory, TurnContext
from botbuilder.core.bot_framework_adapter import InvokeResponse
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
    CardAction,
    ErrorResponseException,
    TokenExchangeInvokeResponse,
)
from botbuilder.schema.teams import (
    MessagingExtensionActionResponse,
    MessagingExtensionAttachment,
    MessagingExtensionResult,
    MessagingExtensionSuggestedAction,
    TaskModuleContinueResponse,
    TaskModuleTaskInfo,
)
from msrest.exceptions import ClientException

from bot.conversation.activity import sender_locale
from bot.conversation.dispatch import Conversation
from bot.conversation.reply import ADAPTIVE_CARD, Dialog, Reply
from bot.conversation.turn import (
    CARD_ACTION,
    COMPOSE_FETCH,
    COMPOSE_SUBMIT,
    TurnInfo,
    TurnKind,
    turn_from_activity,
)
from bot.observability import Telemetry
from bot.transport.roster import ConnectorRoster
from bot.transport.user_tokens import ConnectorTokenService
from bot.transport.wire_json import card_message
from bot.transport.wire_models import read_activity
from cards import error_card
from cards.base import Card
from cards.i18n import N_, translator

log = logging.getLogger(__name__)


#: The JSON an activity arrived as (already checked, bot/transport/checks.py), for the turn
#: handle_messages runs with it: read instead of serialising botbuilder's Activity back.
_ARRIVED: ContextVar[tuple[Any, dict[str, Any]] | None] = ContextVar("arrived", default=None)


@contextlib.contextmanager
def arrived_as(activity: Any, doc: dict[str, Any]) -> Iterator[None]:
    """While the turn of `activity` runs, its JSON is `doc`."""
    token = _ARRIVED.set((activity, doc))
    try:
        yield
    finally:
        _ARRIVED.reset(token)


def turn_document(activity: Any) -> dict[str, Any]:
    """The activity's JSON: as it arrived when handle_messages has it, else serialised."""
    arrived = _ARRIVED.get()
    if arrived is not None and arrived[0] is activity:
        return arrived[1]
    return activity_dict(activity)


#: What botbuilder itself reads of an inbound activity: CloudAdapterBase (type, delivery mode,
#: caller), TurnContext's conversation reference for replies, TeamsInfo (channel data) and
#: on_turn_error (name, serviceUrl). The turn reads the JSON (turn_document), so only these
#: are read into botbuilder's Activity, as msrest reads them (bot/transport/wire_models.py:
#: ~0.03 ms for a Teams message; msrest's deserialiser took 0.25).
BOTBUILDER_READS = frozenset(
    {
        *("type", "id", "name", "serviceUrl", "channelId", "locale", "deliveryMode"),
        *("from", "recipient", "conversation", "channelData", "replyToId", "relatesTo"),
        "callerId",
    }
)


def botbuilder_activity(doc: dict[str, Any]) -> Activity:
    """botbuilder's Activity for a checked body, built from the fields botbuilder reads."""
    return read_activity({key: value for key, value in doc.items() if key in BOTBUILDER_READS})


def activity_dict(activity: Any) -> dict[str, Any]:
    """The activity as camelCase JSON, keeping the entity fields msrest would drop."""
    doc: dict[str, Any] = activity.serialize()
    entities = activity.entities or []
    doc["entities"] = [
        {**entity.serialize(), **(getattr(entity, "additional_properties", None) or {})}
        for entity in entities
    ]
    return doc


class MeetingBot(Bot):  # type: ignore[misc]
    """Reads the activity's JSON once, dispatches it, and sends what the Reply says."""

    def __init__(
        self, conversation: Conversation, default_tz: ZoneInfo, telemetry: Telemetry | None = None
    ) -> None:
        self._conversation = conversation
        self._default_tz = default_tz
        self._telemetry = telemetry or Telemetry()

    async def on_turn(self, context: TurnContext) -> None:
        doc = turn_document(context.activity)
        roster, tokens = ConnectorRoster(context), ConnectorTokenService(context)
        turn = turn_from_activity(doc, self._default_tz, roster, tokens)
        if turn.kind is TurnKind.OTHER and turn.is_invoke:
            log.debug("ignoring invoke %r", context.activity.name)
        started = time.perf_counter()
        outcome = "error"
        try:
            with self._telemetry.turn(turn.kind.value):
                reply = await self._conversation.dispatch(turn)
            for attachment in reply.post:
                content = Attachment(
                    content_type=attachment.content_type, content=attachment.content
                )
                await context.send_activity(card_message(content))
            if turn.is_invoke:
                await context.send_activity(
                    Activity(type=ActivityTypes.invoke_response, value=invoke_response(reply))
                )
            outcome = turn_outcome(turn, reply)
        finally:
            # One short line per turn at INFO: what kind, how it ended, how long. No user text.
            elapsed = time.perf_counter() - started
            log.info("turn kind=%s outcome=%s ms=%.0f", turn.kind, outcome, elapsed * 1000)
            self._telemetry.metrics.turn(turn.kind.value, outcome, elapsed)


def turn_outcome(turn: TurnInfo, reply: Reply) -> str:
    """ok, ignored (nothing for the bot to do) or refused (an invoke answered 4xx)."""
    if reply.status >= HTTPStatus.BAD_REQUEST:
        return "refused"
    if turn.kind is TurnKind.OTHER:
        return "ignored"
    return "ok"


def invoke_response(reply: Reply) -> InvokeResponse:
    """The invoke's HTTP answer. Universal Actions: the returned card replaces the one whose
    button was pressed (the model object as the body: botbuilder 4.17.1 would serialise a
    dict twice)."""
    if reply.card is not None:
        body = AdaptiveCardInvokeResponse(status_code=200, type=ADAPTIVE_CARD, value=reply.card)
        return InvokeResponse(status=200, body=body)
    if reply.dialog is not None or reply.compose is not None or reply.sign_in is not None:
        return InvokeResponse(status=200, body=_message_extension(reply))
    exchange = reply.token_exchange
    if exchange is not None:
        body = TokenExchangeInvokeResponse(
            id=exchange.exchange_id,
            connection_name=exchange.connection_name,
            failure_detail=exchange.failure_detail,
        )
        return InvokeResponse(status=reply.status, body=body)
    return InvokeResponse(status=reply.status)


def _message_extension(reply: Reply) -> MessagingExtensionActionResponse:
    """A message extension's answer: a dialog to show (`task`, type "continue"), a card for
    the compose box (`composeExtension`, type "result", one attachment in a list), or a sign-in
    link (`composeExtension`, type "auth", an openUrl suggested action)."""
    if reply.sign_in is not None:  # Teams shows the link, then sends the invoke again
        link = CardAction(type="openUrl", title=reply.sign_in.title, value=reply.sign_in.url)
        actions = MessagingExtensionSuggestedAction(actions=[link])
        auth = MessagingExtensionResult(type="auth", suggested_actions=actions)
        return MessagingExtensionActionResponse(compose_extension=auth)
    if reply.dialog is not None:
        card = MessagingExtensionAttachment(content_type=ADAPTIVE_CARD, content=reply.dialog.card)
        info = TaskModuleTaskInfo(title=reply.dialog.title, card=card)
        return MessagingExtensionActionResponse(task=TaskModuleContinueResponse(value=info))
    result = MessagingExtensionResult(
        type="result",
        attachment_layout="list",
        attachments=[
            MessagingExtensionAttachment(content_type=ADAPTIVE_CARD, content=reply.compose)
        ],
    )
    return MessagingExtensionActionResponse(compose_extension=result)


SORRY = (N_("Sorry, something went wrong on my side."), N_("Please try again in a moment."))
#: Failures of the Bot Connector itself (the reply could not be delivered), not of the bot.
CONNECTOR_FAILURES: tuple[type[BaseException], ...] = (
    ErrorResponseException,
    ClientException,  # msrest: connection failures and unreadable connector answers
    DeserializationError,
    ClientError,
    OSError,
    UnicodeEncodeError,  # a serviceUrl or conversation id that cannot go into a request line
)


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """Last resort: one log line (a trace only for the bot's own bugs), and always an answer
    the channel expects: an invoke gets an invoke response with an error card (HTTP 200),
    a message gets the error card, unless the connector itself is what failed."""
    activity = context.activity
    undeliverable = isinstance(error, CONNECTOR_FAILURES) or isinstance(
        getattr(error, "__cause__", None), CONNECTOR_FAILURES
    )
    if undeliverable:
        log.warning(
            "could not deliver the reply to %s: %s", activity.service_url, type(error).__name__
        )
    else:
        log.error("unhandled error in %s turn", activity.type, exc_info=error)
    if activity.type == ActivityTypes.invoke:
        await context.send_activity(
            Activity(type=ActivityTypes.invoke_response, value=_error_invoke(activity))
        )
    elif activity.type == ActivityTypes.message and not undeliverable:
        card = Attachment(content_type=ADAPTIVE_CARD, content=_sorry(activity))
        try:
            await context.send_activity(MessageFactory.attachment(card))
        except Exception as exc:  # the connector itself may be the problem
            log.warning("could not tell the user about the error: %s", type(exc).__name__)


def _error_invoke(activity: Activity) -> InvokeResponse:
    if activity.name == CARD_ACTION:
        return invoke_response(Reply(card=_sorry(activity)))
    if activity.name in (COMPOSE_FETCH, COMPOSE_SUBMIT):
        locale = sender_locale(None, activity.locale)
        return invoke_response(Reply(dialog=Dialog.compose(_sorry(activity), locale)))
    return InvokeResponse(status=200)


def _sorry(activity: Activity) -> Card:
    """The last-resort card, in the language of the activity's locale."""
    locale = sender_locale(None, activity.locale)
    _ = translator(locale).gettext
    what, todo = SORRY
    return error_card(_(what), _(todo), locale=locale)
