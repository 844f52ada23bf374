"""Read what the bot needs from a Teams activity (as a plain dict): zone, locale, mentions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.parsing import Mention


def _entities(entities: Iterable[Any] | None) -> list[Mapping[str, Any]]:
    return [e for e in entities or () if isinstance(e, Mapping)]


def sender_timezone(
    entities: Iterable[Any] | None, local_timezone: str | None, default: ZoneInfo
) -> ZoneInfo:
    """clientInfo.timezone, else the activity's localTimezone, else the configured default."""
    candidates = [e.get("timezone") for e in _entities(entities) if e.get("type") == "clientInfo"]
    candidates.append(local_timezone)
    for name in candidates:
        if isinstance(name, str) and name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return default


def sender_locale(entities: Iterable[Any] | None, locale: str | None) -> str:
    if locale:
        return locale
    for e in _entities(entities):
        if e.get("type") == "clientInfo" and isinstance(e.get("locale"), str):
            return str(e["locale"])
    return "en-US"


def mentions(entities: Iterable[Any] | None, bot_id: str) -> list[Mention]:
    """Every @mention except the bot's own, in the order Teams listed them."""
    found = []
    for e in _entities(entities):
        mentioned = e.get("mentioned")
        if e.get("type") != "mention" or not isinstance(mentioned, Mapping):
            continue
        mention_id = str(mentioned.get("id") or "")
        if not mention_id or mention_id == bot_id:
            continue
        found.append(
            Mention(
                id=mention_id, name=str(mentioned.get("name") or ""), text=str(e.get("text") or "")
            )
        )
    return found


def strip_bot_mention(text: str, entities: Iterable[Any] | None, bot_id: str) -> str:
    """Remove the bot's own @mention markup (group chats and channels) before parsing."""
    for e in _entities(entities):
        mentioned = e.get("mentioned")
        if e.get("type") != "mention" or not isinstance(mentioned, Mapping):
            continue
        if str(mentioned.get("id") or "") != bot_id:
            continue
        markup = e.get("text")
        if isinstance(markup, str) and markup:
            text = text.replace(markup, " ")
    return " ".join(text.split())


def tenant_id(activity: Mapping[str, Any]) -> str:
    """channelData.tenant.id (Teams), else conversation.tenantId."""
    channel_data = activity.get("channelData")
    if isinstance(channel_data, Mapping):
        tenant = channel_data.get("tenant")
        if isinstance(tenant, Mapping) and tenant.get("id"):
            return str(tenant["id"])
    conversation = activity.get("conversation")
    if isinstance(conversation, Mapping) and conversation.get("tenantId"):
        return str(conversation["tenantId"])
    return ""
