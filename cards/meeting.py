"""The meeting card: subject, when (in the viewer's zone and locale), and a Join button."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.meetings import Meeting
from cards.base import Card, card, heading, text
from cards.timefmt import time_range, zone_label


def meeting_card(meeting: Meeting, tz: ZoneInfo, locale: str = "en-US") -> Card:
    when = time_range(meeting.start, meeting.end, tz, locale)
    body = [
        heading(meeting.subject or "Teams meeting"),
        text(when, spacing="Small"),
        text(zone_label(tz, meeting.start, locale), isSubtle=True, size="Small", spacing="None"),
    ]
    if meeting.join_url:
        body.append(text("Join link:", isSubtle=True, size="Small"))
        body.append(text(meeting.join_url, size="Small", spacing="None", fontType="Monospace"))
        actions = [
            {
                "type": "Action.OpenUrl",
                "title": "Join",
                "url": meeting.join_url,
                "style": "positive",
            }
        ]
    else:
        body.append(
            text("Teams has not provided a join link yet. Try again in a minute.", color="Warning")
        )
        actions = []
    return card(body, actions)
