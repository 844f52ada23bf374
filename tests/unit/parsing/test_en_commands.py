"""English commands: meet now, meeting links, listing, cancel and help."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import (
    FIELDS,
    HALF_PAST,
    NOW,
    ber,
    case,
    check,
    ok,
)

MEET_NOW = [
    case("meet-now", "meet now", ok("meet_now", None, NOW, HALF_PAST)),
    case("meet-now-subject", "meet now Design sync", ok("meet_now", "Design sync", NOW, HALF_PAST)),
    case(
        "meet-now-case-and-45m",
        "Meet Now design sync for 45m",
        ok("meet_now", "design sync", NOW, ber("2026-11-25T10:45")),
    ),
    case("meet-alone", "meet", ok("meet_now", None, NOW, HALF_PAST)),
    case("call-now", "call now", ok("meet_now", None, NOW, HALF_PAST)),
    case(
        "instant-meeting-15-minutes",
        "instant meeting Quick chat for 15 minutes",
        ok("meet_now", "Quick chat", NOW, ber("2026-11-25T10:15")),
    ),
    case("for-1h30", "meet now for 1h30", ok("meet_now", None, NOW, ber("2026-11-25T11:30"))),
    case(
        "for-1.5-hours",
        "meet now for 1.5 hours",
        ok("meet_now", None, NOW, ber("2026-11-25T11:30")),
    ),
    case(
        "for-90-minutes",
        "meet now for 90 minutes",
        ok("meet_now", None, NOW, ber("2026-11-25T11:30")),
    ),
    case("for-an-hour", "meet now for an hour", ok("meet_now", None, NOW, ber("2026-11-25T11:00"))),
    case(
        "an-hour-and-a-half",
        "meet now an hour and a half",
        ok("meet_now", None, NOW, ber("2026-11-25T11:30")),
    ),
    case("for-2-hrs", "meet now for 2 hrs", ok("meet_now", None, NOW, ber("2026-11-25T12:00"))),
    case(
        "quarter-of-an-hour",
        "meet now Standup a quarter of an hour",
        ok("meet_now", "Standup", NOW, ber("2026-11-25T10:15")),
    ),
    case(
        "meet-now-with-email",
        "meet now with ann@x.com",
        ok("meet_now", "Meeting with Ann", NOW, HALF_PAST, "ann@x.com"),
    ),
    case("polite-and-shouting", "please meet now!", ok("meet_now", None, NOW, HALF_PAST)),
    case("slash-command", "/meet now", ok("meet_now", None, NOW, HALF_PAST)),
    case(
        "meet-now-kolkata",
        "meet now",
        ok("meet_now", None, "2026-11-25T10:00:00+05:30", "2026-11-25T10:30:00+05:30"),
        tz="Asia/Kolkata",
    ),
]

MEETING = [
    case(
        "meeting-tomorrow-2pm",
        "meeting Design review tomorrow 2pm",
        ok("meeting", "Design review", ber("2026-11-26T14:00"), ber("2026-11-26T14:30")),
    ),
    case(
        "meeting-at-15:30",
        "meeting Standup at 15:30",
        ok("meeting", "Standup", ber("2026-11-25T15:30"), ber("2026-11-25T16:00")),
    ),
    case(
        "link-no-time-is-now", "link Design review", ok("meeting", "Design review", NOW, HALF_PAST)
    ),
    case(
        "teams-link-for",
        "teams link for Design review",
        ok("meeting", "Design review", NOW, HALF_PAST),
    ),
    case(
        "meeting-in-2-hours",
        "meeting Y in 2 hours",
        ok("meeting", "Y", ber("2026-11-25T12:00"), ber("2026-11-25T12:30")),
    ),
    case(
        "meeting-in-an-hour",
        "meeting in an hour",
        ok("meeting", None, ber("2026-11-25T11:00"), ber("2026-11-25T11:30")),
    ),
    case(
        "meeting-in-30-for-45",
        "meeting Sync in 30 minutes for 45m",
        ok("meeting", "Sync", ber("2026-11-25T10:30"), ber("2026-11-25T11:15")),
    ),
    case(
        "meet-with-time-is-meeting",
        "meet tomorrow 3pm with Ann",
        ok("meeting", "Meeting with Ann", ber("2026-11-26T15:00"), ber("2026-11-26T15:30")),
    ),
    case(
        "teams-meeting-friday",
        "teams meeting Retro Friday 4pm for 1 hour",
        ok("meeting", "Retro", ber("2026-11-27T16:00"), ber("2026-11-27T17:00")),
    ),
    case(
        "noon-to-1pm",
        "meeting Sync tomorrow noon-1pm",
        ok("meeting", "Sync", ber("2026-11-26T12:00"), ber("2026-11-26T13:00")),
    ),
    case(
        "from-noon-to-1:30pm",
        "meeting Sync tomorrow from noon to 1:30pm",
        ok("meeting", "Sync", ber("2026-11-26T12:00"), ber("2026-11-26T13:30")),
    ),
]

LIST = [
    case("my-meetings", "my meetings", ok("list", None, NOW, ber("2026-12-02T10:00"))),
    case(
        "today",
        "my meetings today",
        ok("list", None, ber("2026-11-25T00:00"), ber("2026-11-26T00:00")),
    ),
    case(
        "tomorrow",
        "my meetings tomorrow",
        ok("list", None, ber("2026-11-26T00:00"), ber("2026-11-27T00:00")),
    ),
    case(
        "agenda-this-week",
        "agenda this week",
        ok("list", None, ber("2026-11-23T00:00"), ber("2026-11-30T00:00")),
    ),
    case(
        "upcoming-next-week",
        "upcoming next week",
        ok("list", None, ber("2026-11-30T00:00"), ber("2026-12-07T00:00")),
    ),
    case(
        "for-next-week",
        "my meetings for next week",
        ok("list", None, ber("2026-11-30T00:00"), ber("2026-12-07T00:00")),
    ),
    case(
        "on-friday",
        "my meetings on Friday",
        ok("list", None, ber("2026-11-27T00:00"), ber("2026-11-28T00:00")),
    ),
    case(
        "dec-3",
        "my meetings Dec 3",
        ok("list", None, ber("2026-12-03T00:00"), ber("2026-12-04T00:00")),
    ),
    case("list", "list", ok("list", None, NOW, ber("2026-12-02T10:00"))),
    case(
        "whats-on-today",
        "What’s on today?",
        ok("list", None, ber("2026-11-25T00:00"), ber("2026-11-26T00:00")),
    ),
]

CANCEL_HELP = [
    case("cancel", "cancel Budget review", ok("cancel", "Budget review", None, None)),
    case("cancel-the", "cancel the Budget review", ok("cancel", "Budget review", None, None)),
    case("cancel-quoted", 'cancel "Budget review"', ok("cancel", "Budget review", None, None)),
    case("call-off", "call off Retro", ok("cancel", "Retro", None, None)),
    case("help", "help", ok("help", None, None, None)),
    case("question-mark", "?", ok("help", None, None, None)),
    case("help-shouted", "HELP!", ok("help", None, None, None)),
    case("help-topic", "help schedule", ok("help", "schedule", None, None)),
    case("empty-is-help", "   ", ok("help", None, None, None)),
    case("html-is-dropped", "<p>meet now</p>", ok("meet_now", None, NOW, HALF_PAST)),
]

ROWS = [*MEET_NOW, *MEETING, *LIST, *CANCEL_HELP]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_commands(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
