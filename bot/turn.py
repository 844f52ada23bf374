"""What one incoming turn means for the bot, free of Bot Framework types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot import activity_info
from bot.meetings.model import Requester
from bot.parsing import Mention


@dataclass(frozen=True)
class TurnInfo:
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


def turn_from_activity(activity: Mapping[str, Any], default_tz: ZoneInfo) -> TurnInfo:
    """Build a TurnInfo from a serialized (camelCase) activity."""
    entities = activity.get("entities")
    recipient = activity.get("recipient") or {}
    bot_id = str(recipient.get("id") or "") if isinstance(recipient, Mapping) else ""
    sender = activity.get("from") or {}
    conversation = activity.get("conversation") or {}
    aad_id = str(sender.get("aadObjectId") or "") if isinstance(sender, Mapping) else ""
    requester = (
        Requester(
            user_id=aad_id,
            tenant_id=activity_info.tenant_id(activity),
            name=str(sender.get("name") or ""),
        )
        if aad_id
        else None
    )
    raw_text = activity.get("text")
    value = activity.get("value")
    return TurnInfo(
        conversation_id=str(conversation.get("id") or ""),
        activity_id=str(activity.get("id") or ""),
        conversation_type=str(conversation.get("conversationType") or "personal"),
        requester=requester,
        tz=activity_info.sender_timezone(entities, activity.get("localTimezone"), default_tz),
        locale=activity_info.sender_locale(entities, activity.get("locale")),
        text=activity_info.strip_bot_mention(
            raw_text if isinstance(raw_text, str) else "", entities, bot_id
        ),
        mentions=tuple(activity_info.mentions(entities, bot_id)),
        value=value if isinstance(value, Mapping) else {},
        reply_to_id=str(activity.get("replyToId") or ""),
    )
