"""English attendees: e-mails, mentions, everyone, and the subject around them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import (
    FIELDS,
    ber,
    case,
    check,
    ok,
)

T15, T1530 = ber("2026-11-26T15:00"), ber("2026-11-26T15:30")
ATTENDEES = [
    case(
        "no-subject-default",
        "schedule a call with ann@x.com tomorrow 3pm",
        ok("schedule", "Meeting with Ann", T15, T1530, "ann@x.com"),
    ),
    case(
        "two-emails-lower-cased",
        "schedule a meeting with ann.lee@contoso.com and Bob@Y.com tomorrow 3pm",
        ok(
            "schedule",
            "Meeting with Ann Lee and Bob",
            T15,
            T1530,
            "ann.lee@contoso.com",
            "bob@y.com",
        ),
    ),
    case(
        "mention-and-bare-hour",
        "schedule 1:1 with <at>Ann Lee</at> tomorrow at 3 for 45 minutes",
        ok(
            "schedule",
            "1:1",
            T15,
            ber("2026-11-26T15:45"),
            "29:ann",
            confirm="“at 3” could be 03:00 or 15:00; I read 15:00",
        ),
    ),
    case(
        "mixed-in-order",
        "schedule Review with <at>Ann Lee</at>, bob@y.com and <at>Bob</at> tomorrow 3pm",
        ok("schedule", "Review", T15, T1530, "29:ann", "bob@y.com", "29:bob"),
    ),
    case(
        "duplicates-dropped",
        "schedule Review with ann@x.com and ANN@x.com tomorrow 3pm",
        ok("schedule", "Review", T15, T1530, "ann@x.com"),
    ),
    case(
        "mention-only",
        "schedule with <at>Ann Lee</at> tomorrow 3pm",
        ok("schedule", "Meeting with Ann Lee", T15, T1530, "29:ann"),
    ),
    case(
        "three-names",
        "schedule with a@x.com, b@x.com and c@x.com tomorrow 3pm",
        ok("schedule", "Meeting with A, B and C", T15, T1530, "a@x.com", "b@x.com", "c@x.com"),
    ),
    case(
        "attendees-before-time",
        "meeting Sync with <at>Bob</at> at 4pm",
        ok("meeting", "Sync", ber("2026-11-25T16:00"), ber("2026-11-25T16:30"), "29:bob"),
    ),
]

ROWS = [*ATTENDEES]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_people(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
