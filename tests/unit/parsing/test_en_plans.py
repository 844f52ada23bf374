"""English: recurring meetings, meeting options and finding a time (issue 16).

Said on Wednesday 2026-11-25 at 10:00 in Berlin."""

from __future__ import annotations

import pytest

from tests.unit.parsing.plans import WEEKDAYS, Plans, rule
from tests.unit.parsing.table import FIELDS, check

EN = Plans("en-US")

SERIES = [
    EN.series(
        "every-weekday",
        "schedule Standup every weekday 9:15",
        "2026-11-26T09:15",
        "2026-11-26T09:45",
        "Standup",
        rule("weekly", "2026-11-26", *WEEKDAYS),
    ),
    EN.series(
        "every-other-tuesday",
        "schedule Review every other Tuesday 3pm",
        "2026-12-01T15:00",
        "2026-12-01T15:30",
        "Review",
        rule("weekly", "2026-12-01", 1, interval=2),
    ),
    EN.series(
        "monthly-first-monday",
        "schedule Review monthly on the first Monday at 10am",
        "2026-12-07T10:00",
        "2026-12-07T10:30",
        "Review",
        rule("relativeMonthly", "2026-12-07", 0, index="first"),
    ),
    EN.series(
        "first-monday-of-the-month",
        "schedule Planning every first Monday of the month 10am for 1h",
        "2026-12-07T10:00",
        "2026-12-07T11:00",
        "Planning",
        rule("relativeMonthly", "2026-12-07", 0, index="first"),
    ),
    EN.series(
        "monthly-last-friday",
        "schedule Demo monthly on the last Friday at 4pm",
        "2026-11-27T16:00",
        "2026-11-27T16:30",
        "Demo",
        rule("relativeMonthly", "2026-11-27", 4, index="last"),
    ),
    EN.series(
        "friday-until",
        "schedule Sync every friday 2pm until Mar 31",
        "2026-11-27T14:00",
        "2026-11-27T14:30",
        "Sync",
        rule("weekly", "2026-11-27", 4, until="2027-03-31"),
    ),
    EN.series(
        "for-6-weeks",
        "schedule Sync every monday 10am for 6 weeks",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Sync",
        rule("weekly", "2026-11-30", 0, until="2027-01-10"),
    ),
    EN.series(
        "ten-times",
        "schedule Gym every day 7am for 10 times",
        "2026-11-26T07:00",
        "2026-11-26T07:30",
        "Gym",
        rule("daily", "2026-11-26", count=10),
    ),
    EN.series(
        "two-days",
        "schedule 1:1 every Monday and Wednesday 9am for 45m",
        "2026-11-30T09:00",
        "2026-11-30T09:45",
        "1:1",
        rule("weekly", "2026-11-30", 0, 2),
    ),
    EN.series(
        "every-2-weeks-from-a-day",
        "schedule Demo every 2 weeks tomorrow 4pm",
        "2026-11-26T16:00",
        "2026-11-26T16:30",
        "Demo",
        rule("weekly", "2026-11-26", 3, interval=2),
    ),
    EN.series(
        "monthly-on-the-15th",
        "schedule Close monthly on the 15th at 11am",
        "2026-12-15T11:00",
        "2026-12-15T11:30",
        "Close",
        rule("absoluteMonthly", "2026-12-15", dom=15),
    ),
    EN.series(
        "daily-at-the-end",
        "schedule Standup 9am daily",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
        "Standup",
        rule("daily", "2026-11-26"),
    ),
    EN.series(
        "weekly-subject-kept",
        "schedule Weekly review every Thursday 4pm",
        "2026-11-26T16:00",
        "2026-11-26T16:30",
        "Weekly review",
        rule("weekly", "2026-11-26", 3),
    ),
    EN.series(
        "link-becomes-series",
        "meeting Retro every Monday 10am",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Retro",
        rule("weekly", "2026-11-30", 0),
    ),
    EN.series(
        "series-with-options",
        "schedule Town hall every Monday 10am lobby off record it",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Town hall",
        rule("weekly", "2026-11-30", 0),
        lobby="everyone",
        record=True,
    ),
    EN.plain(
        "daily-as-a-subject",
        "schedule Daily standup tomorrow 9am",
        "schedule",
        "Daily standup",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
    ),
    EN.refused("series-needs-a-time", "schedule Standup every weekday", "schedule", "When"),
    EN.refused("meet-now-cannot-repeat", "meet now every monday", "meet_now", "meet now"),
    EN.refused(
        "ends-before-it-starts",
        "schedule Sync every friday 2pm until Nov 20",
        "schedule",
        "before its first meeting",
    ),
]

OPTIONS = [
    EN.options(
        "lobby-off",
        "meet now lobby off",
        "meet_now",
        None,
        "2026-11-25T10:00",
        "2026-11-25T10:30",
        lobby="everyone",
    ),
    EN.options(
        "only-i-present",
        "meet now Design sync only I present",
        "meet_now",
        "Design sync",
        "2026-11-25T10:00",
        "2026-11-25T10:30",
        presenters="organizer",
    ),
    EN.options(
        "record-it",
        "schedule Review tomorrow 3pm record it",
        "schedule",
        "Review",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        record=True,
    ),
    EN.options(
        "chat-off",
        "meeting Retro tomorrow 10am chat off",
        "meeting",
        "Retro",
        "2026-11-26T10:00",
        "2026-11-26T10:30",
        chat="disabled",
    ),
    EN.options(
        "all-four",
        "meet now lobby off, only I present, record it, chat off",
        "meet_now",
        None,
        "2026-11-25T10:00",
        "2026-11-25T10:30",
        lobby="everyone",
        presenters="organizer",
        record=True,
        chat="disabled",
    ),
]

FIND = [
    EN.find(
        "with-people-tomorrow",
        "find a time with ann@contoso.com and <at>Bob</at> tomorrow for 30m",
        "2026-11-26T00:00",
        "2026-11-27T00:00",
        30,
        "ann@contoso.com",
        "29:bob",
    ),
    EN.find(
        "when-can-we-meet", "when can we meet this week", "2026-11-25T10:00", "2026-11-30T00:00", 30
    ),
    EN.find(
        "an-hour-next-week",
        "find 1h with everyone next week",
        "2026-11-30T00:00",
        "2026-12-07T00:00",
        60,
        everyone=True,
    ),
    EN.find(
        "for-everyone-this-week",
        "find a time for everyone this week for 30m",
        "2026-11-25T10:00",
        "2026-11-30T00:00",
        30,
        everyone=True,
    ),
    EN.find(
        "subject-and-a-weekday",
        "find a time for Budget review with ann@contoso.com on Friday",
        "2026-11-27T00:00",
        "2026-11-28T00:00",
        30,
        "ann@contoso.com",
        subject="Budget review",
    ),
    EN.find(
        "next-seven-days",
        "find 45 minutes with ann@contoso.com",
        "2026-11-25T10:00",
        "2026-12-02T10:00",
        45,
        "ann@contoso.com",
    ),
    EN.find("today-from-now", "find a time today", "2026-11-25T10:00", "2026-11-26T00:00", 30),
    EN.refused("not-in-the-past", "find a time yesterday", "find_time", "in the past"),
    EN.refused("a-time-is-not-a-window", "find a time at 3pm", "find_time", "look for a time"),
]


@pytest.mark.parametrize(FIELDS, SERIES + OPTIONS + FIND)
def test_english_plans(
    text: str, now: str, tz: str, locale: str, expected: dict[str, object]
) -> None:
    check(text, now, tz, locale, expected)


ROWS = SERIES + OPTIONS + FIND
