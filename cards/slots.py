"""The find-a-time card: the best times, each with a button that books it."""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.i18n import translator
from cards.markdown import escape
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import SlotView


def length_words(length: timedelta, t: gettext.NullTranslations) -> str:
    """30 minutes, 1 hour, 1 h 30 min."""
    minutes = int(length.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t.ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
    if rest:
        # TRANSLATORS: a meeting's length, e.g. "1 h 30 min"
        return t.gettext("{h} h {m} min").format(h=hours, m=rest)
    return t.ngettext("{n} hour", "{n} hours", hours).format(n=hours)


def unreadable_note(names: Sequence[str], t: gettext.NullTranslations) -> dict[str, Any] | None:
    if not names:
        return None
    words = t.gettext(
        "I could not read the calendar of {names} (outside your organisation, or no mailbox), "
        "so their time is not counted."
    )
    return text(words.format(names=escape(", ".join(names))), isSubtle=True, color="Warning")


def slots_card(
    slots: Sequence[SlotView],
    tz: ZoneInfo,
    locale: str,
    *,
    length: timedelta,
    everyone_free: bool,
    unreadable: Sequence[str] = (),
    booking: dict[str, str] | None = None,
) -> Card:
    """Earliest first; "Book" carries `booking` (subject, attendees) with the slot's times."""
    t = translator(locale)
    _ = t.gettext
    note = unreadable_note(unreadable, t)
    if not slots:
        empty = [
            heading(_("No time found")),
            text(_("I found no time inside everyone's working hours in that range.")),
            text(_("Try a longer range, for example **next week**."), isSubtle=True),
        ]
        return card(empty + ([note] if note else []))
    free = everyone_free
    body = [
        heading(_("Times that work for everyone") if free else _("Nobody is free at the same time"))
    ]
    if not free:
        body.append(text(_("These times have the fewest conflicts:"), isSubtle=True))
    zone = zone_label(tz, slots[0].start, locale)
    where = _("{length} · times in {zone}").format(length=length_words(length, t), zone=zone)
    body.append(text(where, isSubtle=True, size="Small"))
    for slot in slots:
        items: list[dict[str, Any]] = [text(f"**{time_range(slot.start, slot.end, tz, locale)}**")]
        if slot.busy:
            busy = _("Busy: {names}").format(names=escape(", ".join(slot.busy)))
            items.append(text(busy, color="Attention", spacing="None"))
        data = {**(booking or {}), "start": slot.start.isoformat(), "end": slot.end.isoformat()}
        book = execute(_("Book this time"), Verb.BOOK_SLOT, "positive", **data)
        items.append({"type": "ActionSet", "actions": [book]})
        body.append({"type": "Container", "separator": True, "items": items})
    if note:
        body.append(note)
    return card(body)
