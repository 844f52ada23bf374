"""The `my meetings` card: one entry per meeting with Join, and Cancel or Add Teams link."""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute, meeting_ref, open_url, web_link
from cards.base import Card, card, heading, text
from cards.i18n import translator
from cards.markdown import escape
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import EVENT, MeetingView

MAX_ENTRIES = 25


def _entry(
    meeting: MeetingView,
    tz: ZoneInfo,
    locale: str,
    cancellable: bool,
    t: gettext.NullTranslations,
) -> dict[str, Any]:
    _ = t.gettext
    join_url = web_link(meeting.join_url)
    marker = "🎥 Teams" if join_url else _("No Teams link")
    actions: list[dict[str, Any]] = []
    if join_url:
        actions.append(open_url(_("Join"), join_url, "positive"))
    elif meeting.kind == EVENT and meeting.is_organizer and not meeting.occurrence:
        # never on an event the user only attends, nor on one occurrence of a series
        actions.append(execute(_("Add Teams link"), Verb.MAKE_ONLINE, **meeting_ref(meeting)))
    if cancellable:
        actions.append(execute(_("Cancel"), Verb.ASK_CANCEL, **meeting_ref(meeting)))
    subject = escape(meeting.subject) if meeting.subject else _("(no subject)")
    items: list[dict[str, Any]] = [
        text(f"**{subject}**"),
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
    *,
    notice: str | None = None,
) -> Card:
    """Soonest first, as given; meetings the bot created for the viewer get a Cancel button.
    `title` and `notice` (how an unsure request was read) are already in the viewer's
    language; the notice may quote the user, so it is shown as text."""
    t = translator(locale)
    _ = t.gettext
    body: list[dict[str, Any]] = [heading(title)]
    if notice:
        body.append(text(escape(notice), color="Warning", size="Small"))
    if not meetings:
        body.append(text(_("Nothing on your calendar in that range.")))
        return card(body)
    zone = zone_label(tz, meetings[0].start, locale)
    body.append(
        text(_("Times in {zone}").format(zone=zone), isSubtle=True, size="Small", spacing="None")
    )
    for meeting in meetings[:MAX_ENTRIES]:
        body.append(_entry(meeting, tz, locale, meeting.id in cancellable_ids, t))
    hidden = len(meetings) - MAX_ENTRIES
    if hidden > 0:
        more = t.ngettext(
            "…and {n} more. Ask for a shorter range, for example **my meetings today**.",
            "…and {n} more. Ask for a shorter range, for example **my meetings today**.",
            hidden,
        )
        body.append(text(more.format(n=hidden), isSubtle=True))
    return card(body)
