"""What one incoming turn means for the bot, free of Bot Framework types.

The transport serialises the activity once and builds a TurnInfo from it; everything after
that (gates, commands, card verbs) reads only the TurnInfo.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.conversation import activity
from bot.conversation.attendees import NoRoster, Roster
from bot.identity.token_service import NoTokenService, TokenService
from bot.meetings.model import Requester
from bot.parsing import Mention

CARD_ACTION = "adaptiveCard/action"
COMPOSE_FETCH = "composeExtension/fetchTask"
COMPOSE_SUBMIT = "composeExtension/submitAction"
_OBJECT_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
TOKEN_EXCHANGE = "signin/tokenExchange"
VERIFY_STATE = "signin/verifyState"


class TurnKind(StrEnum):
    MESSAGE = "message"  # typed text, or an Action.Submit button (then `action` is set)
    CARD_ACTION = "card_action"  # an Action.Execute (Universal Action) invoke
    TOKEN_EXCHANGE = "token_exchange"  # Teams' single sign-on token for the bot
    VERIFY_STATE = "verify_state"  # the sign-in button's flow is done: a code for the token
    INSTALLED = "installed"  # the bot was added to a conversation
    COMPOSE_FETCH = "compose_fetch"  # the compose box's "Teams meeting": show the form
    COMPOSE_SUBMIT = "compose_submit"  # that form submitted: `value["data"]` holds its inputs
    OTHER = "other"  # anything else: answered with nothing (an empty 200 for invokes)


@dataclass(frozen=True)
class TurnInfo:
    """What the conversation layer knows of one turn, free of Bot Framework types."""

    conversation_id: str
    activity_id: str
    conversation_type: str  # personal | groupChat | channel
    requester: Requester | None  # None when the sender has no Entra object id
    tz: ZoneInfo
    locale: str
    text: str  # the message with the bot's own mention removed
    mentions: tuple[Mention, ...] = ()
    value: Mapping[str, Any] = field(default_factory=dict)
    reply_to_id: str = ""  # the message a card button was pressed on
    kind: TurnKind = TurnKind.MESSAGE
    is_invoke: bool = False  # the channel waits for an invoke response
    channel_id: str = "msteams"
    tenant_id: str = ""
    action: Mapping[str, Any] | None = None  # a button's data, its verb under "action"
    roster: Roster = field(default_factory=NoRoster, compare=False)
    tokens: TokenService = field(default_factory=NoTokenService, compare=False)
    # Where to post later (a stored conversation reference): the channel's endpoint, and the
    # bot's and the sender's accounts on the channel.
    service_url: str = ""
    bot_id: str = ""
    sender_id: str = ""

    @property
    def verb(self) -> str:
        return str(self.action.get("action", "")) if self.action is not None else ""

    def with_text(self, text: str) -> TurnInfo:
        """The same turn as if `text` had been typed (a help card's example button)."""
        return replace(self, text=text, action=None)

    def typed(self, text: str, activity_id: str) -> TurnInfo:
        """A message turn of the same sender and conversation, as if `text` had been typed in
        activity `activity_id` (a command that waited for its user's sign-in)."""
        return replace(
            self,
            kind=TurnKind.MESSAGE,
            is_invoke=False,
            text=text,
            activity_id=activity_id,
            action=None,
            value={},
            mentions=(),
            reply_to_id="",
        )


def turn_from_activity(
    doc: Mapping[str, Any],
    default_tz: ZoneInfo,
    roster: Roster | None = None,
    tokens: TokenService | None = None,
) -> TurnInfo:
    """Build a TurnInfo from a serialised (camelCase) activity."""
    entities = doc.get("entities")
    recipient = _mapping(doc.get("recipient"))
    bot_id = str(recipient.get("id") or "")
    sender = _mapping(doc.get("from"))
    aad_id = str(sender.get("aadObjectId") or "")
    aad_id = aad_id if _OBJECT_ID.match(aad_id) else ""  # an Entra object id, or nobody
    tenant = activity.tenant_id(doc)
    requester = (
        Requester(user_id=aad_id, tenant_id=tenant, name=str(sender.get("name") or ""))
        if aad_id
        else None
    )
    raw_text = doc.get("text")
    value = doc.get("value")
    kind, action = _kind_and_action(doc, bot_id)
    conversation = _mapping(doc.get("conversation"))
    return TurnInfo(
        conversation_id=str(conversation.get("id") or ""),
        activity_id=str(doc.get("id") or ""),
        conversation_type=str(conversation.get("conversationType") or "personal"),
        requester=requester,
        tz=activity.sender_timezone(entities, doc.get("localTimezone"), default_tz),
        locale=activity.sender_locale(entities, doc.get("locale")),
        text=activity.strip_bot_mention(
            raw_text if isinstance(raw_text, str) else "", entities, bot_id
        ),
        mentions=tuple(activity.mentions(entities, bot_id)),
        value=value if isinstance(value, Mapping) else {},
        reply_to_id=str(doc.get("replyToId") or ""),
        kind=kind,
        is_invoke=doc.get("type") == "invoke",
        channel_id=str(doc.get("channelId") or ""),
        tenant_id=tenant,
        action=action,
        roster=roster or NoRoster(),
        tokens=tokens or NoTokenService(),
        service_url=str(doc.get("serviceUrl") or ""),
        bot_id=bot_id,
        sender_id=str(sender.get("id") or ""),
    )


def _kind_and_action(
    doc: Mapping[str, Any], bot_id: str
) -> tuple[TurnKind, Mapping[str, Any] | None]:
    """What kind of turn this is, and a pressed button's data with its verb under "action"."""
    kind, value = doc.get("type"), _mapping(doc.get("value"))
    if kind == "message":
        return TurnKind.MESSAGE, (value if value.get("action") else None)
    if kind == "invoke" and doc.get("name") == CARD_ACTION:
        executed = _mapping(value.get("action"))
        data, verb = executed.get("data"), executed.get("verb")
        if not isinstance(data, Mapping):
            return TurnKind.CARD_ACTION, None  # nothing readable: the user is told so
        if "action" not in data and isinstance(verb, str):
            data = {**data, "action": verb}
        return TurnKind.CARD_ACTION, data
    if kind == "invoke" and doc.get("name") == TOKEN_EXCHANGE:
        return TurnKind.TOKEN_EXCHANGE, None
    if kind == "invoke" and doc.get("name") == VERIFY_STATE:
        return TurnKind.VERIFY_STATE, None
    if kind == "invoke" and doc.get("name") in _COMPOSE:
        return _COMPOSE[str(doc.get("name"))], None
    added = doc.get("membersAdded")
    bot_added = isinstance(added, list) and any(_mapping(m).get("id") == bot_id for m in added)
    if kind == "conversationUpdate" and bot_added:
        return TurnKind.INSTALLED, None
    return TurnKind.OTHER, None


_COMPOSE = {COMPOSE_FETCH: TurnKind.COMPOSE_FETCH, COMPOSE_SUBMIT: TurnKind.COMPOSE_SUBMIT}


def _mapping(value: Any) -> Mapping[str, Any]:
    if isinstance(value, dict):  # what JSON gives: no ABC check needed
        return value
    return value if isinstance(value, Mapping) else {}
