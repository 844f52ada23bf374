"""Cards the bot posts on its own: a meeting's reminder and the day's agenda, in the viewer's
language (cards.i18n); times are shown in the viewer's zone and locale.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute, meeting_ref, open_url, web_link
from cards.base import Card, card, heading, text
from cards.i18n import translator
from cards.markdown import escape
from cards.meeting import _reschedule_card
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import MeetingView


def reminder_card(
    meeting: MeetingView,
    tz: ZoneInfo,
    locale: str,
    now: datetime,
    *,
    notice: str | None = None,
) -> Card:
    """ "Starts in 10 min": the subject, when (the viewer's zone), Join, Snooze, Reschedule,
    Cancel. `now` is when it is shown: the minutes left, and what Snooze names. `notice` is
    already in the viewer's language."""
    t = translator(locale)
    _ = t.gettext
    minutes = max(0, round((meeting.start - now).total_seconds() / 60))
    title = _("Starts in {minutes} min").format(minutes=minutes) if minutes else _("Starting now")
    body: list[dict[str, Any]] = []
    if notice:
        body.append(text(escape(notice), color="Good", weight="Bolder"))
    body += [
        text(title, color="Accent", weight="Bolder"),
        heading(meeting.subject or _("Teams meeting")),
        text(time_range(meeting.start, meeting.end, tz, locale), spacing="None"),
        text(zone_label(tz, meeting.start, locale), isSubtle=True, size="Small", spacing="None"),
    ]
    ref = meeting_ref(meeting)
    actions: list[dict[str, Any]] = []
    join_url = web_link(meeting.join_url)
    if join_url:
        actions.append(open_url(_("Join"), join_url, "positive"))
    actions += [
        execute(_("Snooze 5 min"), Verb.SNOOZE, at=now.isoformat(timespec="seconds"), **ref),
        {
            "type": "Action.ShowCard",
            "title": _("Reschedule"),
            "card": _reschedule_card(meeting, tz, t),
        },
        execute(_("Cancel"), Verb.ASK_CANCEL, **ref),
    ]
    return card(body, actions)


def agenda_card(meetings: Sequence[MeetingView], tz: ZoneInfo, locale: str) -> Card:
    """The day's meetings, soonest first, each with Join; or a short "nothing today"."""
    _ = translator(locale).gettext
    body: list[dict[str, Any]] = [heading(_("Your meetings today"))]
    if not meetings:
        body.append(text(_("Nothing on your calendar today.")))
        return card(body)
    body.append(text(zone_label(tz, meetings[0].start, locale), isSubtle=True, size="Small"))
    for meeting in meetings[:25]:
        items: list[dict[str, Any]] = [
            text(f"**{escape(meeting.subject or '—')}**"),
            text(time_range(meeting.start, meeting.end, tz, locale), isSubtle=True, spacing="None"),
        ]
        join_url = web_link(meeting.join_url)
        if join_url:
            join = open_url(_("Join"), join_url, "positive")
            items.append({"type": "ActionSet", "actions": [join]})
        body.append({"type": "Container", "separator": True, "items": items})
    return card(body)


def setting_card(message: str) -> Card:
    """What the bot will now send by itself (the bot's own words, in the user's language)."""
    return card([text(message)])


def clock_time(when: datetime, tz: ZoneInfo, locale: str) -> str:
    """A time of day as the locale writes it: "8:30 AM", "08:30"."""
    from babel.dates import format_time

    from cards.timefmt import babel_locale

    return str(format_time(when.astimezone(tz), "short", locale=babel_locale(locale)))
