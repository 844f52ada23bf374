"""Read what the bot needs from a Teams activity (as a plain dict): zone, locale, mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from bot.parsing import Mention

_LOCALE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$")


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


def sender_locale(entities: Iterable[Any] | None, locale: Any) -> str:
    """The activity's locale, else clientInfo's, as a locale the bot can format dates in;
    anything else (a typo, a forged value) falls back to its language, then to en-US."""
    candidates = [locale]
    candidates += [e.get("locale") for e in _entities(entities) if e.get("type") == "clientInfo"]
    for candidate in candidates:
        known = known_locale(candidate) if isinstance(candidate, str) else None
        if known:
            return known
    return "en-US"


@lru_cache(maxsize=256)
def known_locale(value: str) -> str | None:
    """`value` if it names a locale with date formats (or its language does), else None."""
    if not _LOCALE.match(value):
        return None
    for candidate in (value, value.replace("_", "-").split("-")[0]):
        try:
            Locale.parse(candidate, sep="-" if "-" in candidate else "_")
        except (ValueError, UnknownLocaleError):
            continue
        return candidate
    return None


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
