"""The `my meetings` card: one entry per meeting with Join, and Cancel or Add Teams link."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute, meeting_ref, open_url, web_link
from cards.base import Card, card, heading, text
from cards.markdown import escape
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import EVENT, MeetingView

MAX_ENTRIES = 25


def _entry(meeting: MeetingView, tz: ZoneInfo, locale: str, cancellable: bool) -> dict[str, Any]:
    join_url = web_link(meeting.join_url)
    marker = "🎥 Teams" if join_url else "No Teams link"
    actions: list[dict[str, Any]] = []
    if join_url:
        actions.append(open_url("Join", join_url, "positive"))
    elif meeting.kind == EVENT and meeting.is_organizer and not meeting.occurrence:
        # never on an event the user only attends, nor on one occurrence of a series
        actions.append(execute("Add Teams link", Verb.MAKE_ONLINE, **meeting_ref(meeting)))
    if cancellable:
        actions.append(execute("Cancel", Verb.ASK_CANCEL, **meeting_ref(meeting)))
    items: list[dict[str, Any]] = [
        text(f"**{escape(meeting.subject)}**" if meeting.subject else "**(no subject)**"),
        text(
            f"{time_range(meeting.start, meeting.end, tz, locale)} · {marker}",
            isSubtle=True,
            spacing="None",
        ),
    ]
    if actions:
        items.append({"type": "ActionSet", "actions": actions})
    return {"type": "Container", "separator": True, "items": items}


def list_card(
    meetings: Sequence[MeetingView],
    tz: ZoneInfo,
    locale: str,
    title: str,
    cancellable_ids: frozenset[str] = frozenset(),
) -> Card:
    """Soonest first, as given; meetings the bot created for the viewer get a Cancel button."""
    body: list[dict[str, Any]] = [heading(title)]
    if not meetings:
        body.append(text("Nothing on your calendar in that range."))
        return card(body)
    reference = meetings[0].start
    body.append(
        text(
            f"Times in {zone_label(tz, reference, locale)}",
            isSubtle=True,
            size="Small",
            spacing="None",
        )
    )
    for meeting in meetings[:MAX_ENTRIES]:
        body.append(_entry(meeting, tz, locale, meeting.id in cancellable_ids))
    if len(meetings) > MAX_ENTRIES:
        body.append(
            text(
                f"…and {len(meetings) - MAX_ENTRIES} more. Ask for a shorter range, "
                "for example **my meetings today**.",
                isSubtle=True,
            )
        )
    return card(body)
