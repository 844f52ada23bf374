"""Who a message the bot starts is for: where to post it, and in which zone and language."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.storage import ConversationRef, Preferences, ReferenceRows


async def recipient(store: ReferenceRows, tenant_id: str, user_id: str) -> ConversationRef | None:
    """The user's personal chat with the bot, else the conversation they used most recently."""
    references = await store.references_of(tenant_id, user_id)
    personal = [r for r in references if r.conversation_type == "personal"]
    found = personal or references
    return found[0] if found else None


def viewer(
    prefs: Preferences, reference: ConversationRef, default_zone: ZoneInfo, fallback_zone: str = ""
) -> tuple[ZoneInfo, str]:
    """The zone and locale to show times in: the user's saved ones, else their last message's."""
    locale = prefs.locale or reference.locale or "en-US"
    for name in (prefs.zone, reference.zone, fallback_zone):
        if name:
            try:
                return ZoneInfo(name), locale
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return default_zone, locale
