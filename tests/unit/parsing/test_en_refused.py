"""English refusals: every message the parser cannot read says why, with an example."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import (
    FIELDS,
    NOV30,
    ber,
    case,
    check,
    ok,
    refused,
)

EX = "schedule Budget review tomorrow 3pm for 30m"
QUOTED = (
    "If the subject names a day, put it in quotes, e.g. schedule “Monday planning” tomorrow 3pm"
)

REFUSED = [
    case(
        "unknown",
        "blah blah",
        refused(
            "unknown",
            f"I didn't understand “blah blah”. Try: {EX}, meet now, my meetings or help",
        ),
    ),
    case(
        "unknown-long-is-shortened",
        "what's the weather like in Lisbon this weekend and beyond?",
        refused(
            "unknown",
            "I didn't understand “what's the weather like in Lisbon this w…”. "
            f"Try: {EX}, meet now, my meetings or help",
        ),
    ),
    case(  # issue 11: a typo is read and confirmed, no longer refused
        "typo-in-day",
        "schedule Budget review tomorow 3pm",
        ok(
            "schedule",
            "Budget review",
            ber("2026-11-26T15:00"),
            ber("2026-11-26T15:30"),
            confirm="I read “tomorow” as “tomorrow”",
            doubts=("corrected",),
        ),
    ),
    case(
        "typo-in-weekday",
        "schedule Budget review Thrusday 3pm",
        ok(
            "schedule",
            "Budget review",
            ber("2026-11-26T15:00"),
            ber("2026-11-26T15:30"),
            confirm="I read “Thrusday” as “Thursday”",
            doubts=("corrected",),
        ),
    ),
    case(
        "yesterday",
        "schedule X yesterday 3pm",
        refused("schedule", f"“yesterday 3pm” is in the past. Pick a time from now on, e.g. {EX}"),
    ),
    case(
        "today-passed",
        "schedule X today 9am",
        refused("schedule", f"“today 9am” is in the past. Pick a time from now on, e.g. {EX}"),
    ),
    case(
        "this-afternoon-passed",
        "schedule X this afternoon",
        refused("schedule", f"“this afternoon” is in the past. Pick a time from now on, e.g. {EX}"),
        now=NOV30,
    ),
    case(
        "recent-date-passed",
        "schedule X Nov 20 3pm",
        refused("schedule", f"“Nov 20 3pm” is in the past. Pick a time from now on, e.g. {EX}"),
    ),
    case(
        "past-year",
        "schedule X 2025-12-03 10:00",
        refused(
            "schedule", f"“2025-12-03 10:00” is in the past. Pick a time from now on, e.g. {EX}"
        ),
    ),
    case(
        "no-time",
        "schedule Budget review",
        refused("schedule", f"When should it start? Add a day and time, e.g. {EX}"),
    ),
    case(
        "date-without-time",
        "schedule a call with ann@x.com tomorrow",
        refused("schedule", "“tomorrow” has no time of day. Add one, e.g. “tomorrow 3pm”"),
    ),
    case(
        "meeting-date-without-time",
        "meeting Review Dec 3",
        refused("meeting", "“Dec 3” has no time of day. Add one, e.g. “Dec 3 3pm”"),
    ),
    case(
        "meet-now-with-a-time",
        "meet now tomorrow 3pm",
        refused(
            "meet_now",
            "“meet now” starts right away, so I can't use “tomorrow 3pm”. "
            "To pick a time, try: meeting Budget review tomorrow 3pm",
        ),
    ),
    case(
        "two-dates",
        "schedule Monday planning tomorrow 3pm",
        refused(
            "schedule",
            f"I found two dates, “Monday” and “tomorrow”; please give one. {QUOTED}",
        ),
    ),
    case(
        "relative-and-date",
        "schedule X in 2 hours tomorrow",
        refused(
            "schedule",
            f"I found two dates, “in 2 hours” and “tomorrow”; please give one. {QUOTED}",
        ),
    ),
    case(
        "end-before-start",
        "schedule X tomorrow 4-3pm",
        refused(
            "schedule",
            "In “4-3pm” the meeting would end before it starts. Try: from 3pm to 4:30pm",
        ),
    ),
    case(
        "two-days-long",
        "schedule X tomorrow 3pm for 2 days",
        refused(
            "schedule",
            "A meeting must last between 1 minute and 24 hours, so “for 2 days” won't work. "
            "Try: for 45m",
        ),
    ),
    case(
        "zero-minutes",
        "meet now for 0 minutes",
        refused(
            "meet_now",
            "A meeting must last between 1 minute and 24 hours, so “for 0 minutes” won't work. "
            "Try: for 45m",
        ),
    ),
    case(  # issue 11: "for 45" is minutes, confirmed; "for 5" stays unreadable
        "duration-without-unit",
        "schedule X tomorrow 3pm for 90",
        ok(
            "schedule",
            "X",
            ber("2026-11-26T15:00"),
            ber("2026-11-26T16:30"),
            confirm="“for 90” has no unit; I read 90 minutes",
            doubts=("no_unit",),
        ),
    ),
    case(
        "duration-without-unit-before-time",
        "schedule X for 90 tomorrow 3pm",
        ok(
            "schedule",
            "X",
            ber("2026-11-26T15:00"),
            ber("2026-11-26T16:30"),
            confirm="“for 90” has no unit; I read 90 minutes",
            doubts=("no_unit",),
        ),
    ),
    case(
        "duration-small-number-without-unit",
        "schedule X tomorrow 3pm for 5",
        refused(
            "schedule",
            "I couldn't read the duration in “for 5”. Try: for 45m, for 1h30 or for 1.5 hours",
        ),
    ),
    case(
        "hour-25",
        "schedule X tomorrow 25:00",
        refused("schedule", f"I couldn't read the time in “25:00”. Try: {EX}"),
    ),
    case(
        "13pm",
        "schedule X tomorrow 13pm",
        refused("schedule", f"I couldn't read the time in “13pm”. Try: {EX}"),
    ),
    case(
        "feb-30",
        "schedule X Feb 30 3pm",
        refused("schedule", f"I couldn't read the time in “Feb 30”. Try: {EX}"),
    ),
    case(
        "in-0-minutes",
        "meeting X in 0 minutes",
        refused(
            "meeting",
            "I couldn't read the time in “in 0 minutes”. Try: meeting Budget review tomorrow 3pm",
        ),
    ),
    case(
        "range-and-duration",
        "schedule X tomorrow 3pm-4pm for 30m",
        refused(
            "schedule",
            "You gave both an end time (“3pm-4pm”) and a duration (“for 30m”); "
            "please give only one.",
        ),
    ),
    case(
        "two-durations",
        "schedule X tomorrow 3pm for 30m for 1h",
        refused("schedule", "I found two durations, “for 30m” and “for 1h”; please give one."),
    ),
    case(
        "unknown-mention",
        "schedule X with <at>Zed</at> tomorrow 3pm",
        refused(
            "schedule",
            "I couldn't match the mention “Zed” to anyone in this chat. "
            "@mention them again, or use their e-mail address.",
        ),
    ),
    case(
        "weekday-disagrees",
        "schedule X Friday, Dec 3 at 2pm",
        refused("schedule", "“Friday, Dec 3 at 2pm” doesn't add up: that date is a Thursday."),
    ),
    case(
        "cancel-what",
        "cancel",
        refused("cancel", "Which meeting should I cancel? Name it, e.g. cancel Budget review"),
    ),
    case(
        "list-unknown-range",
        "my meetings blah",
        refused(
            "list",
            "I can list your meetings for today, tomorrow, this week, next week or one day, "
            "but I couldn't read “blah”. Try: my meetings tomorrow",
        ),
    ),
    case(
        "list-with-a-time",
        "my meetings tomorrow 3pm",
        refused(
            "list",
            "I can list your meetings for today, tomorrow, this week, next week or one day, "
            "but I couldn't read “tomorrow 3pm”. Try: my meetings tomorrow",
        ),
    ),
    case(
        "too-long",
        "meet now " + "x" * 1000,
        refused(
            "unknown",
            f"That message is too long for me (1009 characters; I read up to 1000). "
            f"Try a short command, e.g. {EX}",
        ),
    ),
]

ROWS = [*REFUSED]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_refused(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
