"""The find-a-time card: the best times, each with a button that books it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.markdown import escape
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import SlotView


def length_words(length: timedelta) -> str:
    minutes = int(length.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} minutes"
    return f"{hours} h {rest} min" if rest else f"{hours} hour{'s' if hours > 1 else ''}"


def unreadable_note(names: Sequence[str]) -> dict[str, Any] | None:
    if not names:
        return None
    return text(
        f"I could not read the calendar of {escape(', '.join(names))} (outside your "
        "organisation, or no mailbox), so their time is not counted.",
        isSubtle=True,
        color="Warning",
    )


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
    if not slots:
        empty = [
            heading("No time found"),
            text("I found no time inside everyone's working hours in that range."),
            text("Try a longer range, for example **next week**.", isSubtle=True),
        ]
        note = unreadable_note(unreadable)
        return card(empty + ([note] if note else []))
    title = "Times that work for everyone" if everyone_free else "Nobody is free at the same time"
    body: list[dict[str, Any]] = [heading(title)]
    if not everyone_free:
        body.append(text("These times have the fewest conflicts:", isSubtle=True))
    zone = zone_label(tz, slots[0].start, locale)
    body.append(text(f"{length_words(length)} · times in {zone}", isSubtle=True, size="Small"))
    for slot in slots:
        items: list[dict[str, Any]] = [text(f"**{time_range(slot.start, slot.end, tz, locale)}**")]
        if slot.busy:
            busy = escape(", ".join(slot.busy))
            items.append(text(f"Busy: {busy}", color="Attention", spacing="None"))
        data = {**(booking or {}), "start": slot.start.isoformat(), "end": slot.end.isoformat()}
        book = execute("Book this time", Verb.BOOK_SLOT, "positive", **data)
        items.append({"type": "ActionSet", "actions": [book]})
        body.append({"type": "Container", "separator": True, "items": items})
    note = unreadable_note(unreadable)
    if note:
        body.append(note)
    return card(body)
