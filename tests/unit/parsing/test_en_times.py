"""English times: days, hours, ranges, durations, DST and the turn of the month and year."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import (
    DEC31,
    EU_FALL,
    EU_SPRING,
    FIELDS,
    HALF_PAST,
    NOV30,
    NOW,
    NY,
    NY_FALL,
    NY_SPRING,
    UTC_,
    ber,
    case,
    check,
    ny,
    ok,
)


def sched(
    id: str,
    text: str,
    start: str,
    end: str,
    subject: str = "Demo",
    confirm: str | None = None,
    **kw: Any,
) -> Any:
    """A `schedule` row in Berlin whose subject is "Demo" unless told otherwise."""
    return case(id, text, ok("schedule", subject, ber(start), ber(end), confirm=confirm), **kw)


SCHEDULE = [
    case(
        "issue-example",
        "schedule Budget review tomorrow 3pm for 30m with ann@x.com",
        ok(
            "schedule",
            "Budget review",
            ber("2026-11-26T15:00"),
            ber("2026-11-26T15:30"),
            "ann@x.com",
        ),
    ),
    sched(
        "tomorrow-3pm-1h",
        "schedule Demo tomorrow 3pm for 1h",
        "2026-11-26T15:00",
        "2026-11-26T16:00",
    ),
    sched(
        "next-tuesday-10am",
        "schedule Demo next Tuesday 10am",
        "2026-12-01T10:00",
        "2026-12-01T10:30",
    ),
    sched("dec-3-9:00", "schedule Demo Dec 3 9:00", "2026-12-03T09:00", "2026-12-03T09:30"),
    sched(
        "iso-date-time", "schedule Demo 2026-12-03 09:00", "2026-12-03T09:00", "2026-12-03T09:30"
    ),
    sched("iso-t", "schedule Demo 2026-12-03T09:00", "2026-12-03T09:00", "2026-12-03T09:30"),
    sched(
        "iso-on-at", "schedule Demo on 2026-12-03 at 09:00", "2026-12-03T09:00", "2026-12-03T09:30"
    ),
    sched("at-noon", "schedule Demo at noon", "2026-11-25T12:00", "2026-11-25T12:30"),
    sched("tonight-8", "schedule Demo tonight 8", "2026-11-25T20:00", "2026-11-25T20:30"),
    sched(
        "tonight-at-8:30", "schedule Demo tonight at 8:30", "2026-11-25T20:30", "2026-11-25T21:00"
    ),
    sched("range-3-4pm", "schedule Demo 3-4pm", "2026-11-25T15:00", "2026-11-25T16:00"),
    sched(
        "range-from-to", "schedule Demo from 3pm to 4:30pm", "2026-11-25T15:00", "2026-11-25T16:30"
    ),
    sched("monday-morning", "schedule Demo Monday morning", "2026-11-30T09:00", "2026-11-30T09:30"),
    sched("end-of-day", "schedule Demo end of day", "2026-11-25T17:00", "2026-11-25T17:30"),
    sched("by-eod", "schedule Demo by EOD", "2026-11-25T17:00", "2026-11-25T17:30"),
    sched("passed-9am-is-tomorrow", "schedule Demo at 9am", "2026-11-26T09:00", "2026-11-26T09:30"),
    sched(
        "bare-3-is-afternoon",
        "schedule Demo at 3",
        "2026-11-25T15:00",
        "2026-11-25T15:30",
        confirm="“at 3” could be 03:00 or 15:00; I read 15:00",
    ),
    sched(
        "bare-6-is-evening",
        "schedule Demo at 6",
        "2026-11-25T18:00",
        "2026-11-25T18:30",
        confirm="“at 6” could be 06:00 or 18:00; I read 18:00",
    ),
    sched(
        "bare-7-is-morning",
        "schedule Demo at 7",
        "2026-11-26T07:00",
        "2026-11-26T07:30",
        confirm="“at 7” could be 07:00 or 19:00; I read 07:00",
    ),
    sched("bare-12-is-noon", "schedule Demo at 12", "2026-11-25T12:00", "2026-11-25T12:30"),
    sched("leading-zero-is-24h", "schedule Demo at 03:00", "2026-11-26T03:00", "2026-11-26T03:30"),
    sched(
        "tomorrow-9",
        "schedule Demo tomorrow 9",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
        confirm="“9” could be 09:00 or 21:00; I read 09:00",
    ),
    sched("3:00-PM", "schedule Demo tomorrow at 3:00 PM", "2026-11-26T15:00", "2026-11-26T15:30"),
    sched("3-p.m.", "schedule Demo tomorrow at 3 p.m.", "2026-11-26T15:00", "2026-11-26T15:30"),
    sched(
        "for-tomorrow", "schedule Demo for tomorrow at 3pm", "2026-11-26T15:00", "2026-11-26T15:30"
    ),
    sched("time-before-date", "schedule Demo 3pm tomorrow", "2026-11-26T15:00", "2026-11-26T15:30"),
    sched(
        "at-3-tomorrow",
        "schedule Demo at 3 tomorrow",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        confirm="“at 3” could be 03:00 or 15:00; I read 15:00",
    ),
    sched(
        "morning-at-10",
        "schedule Demo tomorrow morning at 10",
        "2026-11-26T10:00",
        "2026-11-26T10:30",
    ),
    sched(
        "10-in-the-morning",
        "schedule Demo tomorrow at 10 in the morning",
        "2026-11-26T10:00",
        "2026-11-26T10:30",
    ),
    sched(
        "8-in-the-evening",
        "schedule Demo tomorrow 8 in the evening",
        "2026-11-26T20:00",
        "2026-11-26T20:30",
    ),
    sched(
        "day-after-tomorrow",
        "schedule Demo the day after tomorrow 3pm",
        "2026-11-27T15:00",
        "2026-11-27T15:30",
    ),
    sched("in-2-days", "schedule Demo in 2 days at 3pm", "2026-11-27T15:00", "2026-11-27T15:30"),
    sched("in-a-week", "schedule Demo in a week at 3pm", "2026-12-02T15:00", "2026-12-02T15:30"),
    sched("this-afternoon", "schedule Demo this afternoon", "2026-11-25T14:00", "2026-11-25T14:30"),
    sched("this-evening", "schedule Demo this evening", "2026-11-25T18:00", "2026-11-25T18:30"),
    sched(
        "tomorrow-afternoon",
        "schedule Demo tomorrow afternoon",
        "2026-11-26T14:00",
        "2026-11-26T14:30",
    ),
    sched(
        "bare-range-after-day",
        "schedule Demo Friday 10-11",
        "2026-11-27T10:00",
        "2026-11-27T11:00",
        confirm="“10-11” could be 10:00 or 22:00; I read 10:00",
    ),
    sched(
        "10-2pm-is-10am", "schedule Demo tomorrow 10-2pm", "2026-11-26T10:00", "2026-11-26T14:00"
    ),
    sched(
        "range-past-midnight",
        "schedule Demo tomorrow 11pm-1am",
        "2026-11-26T23:00",
        "2026-11-27T01:00",
    ),
    sched(
        "between-2-and-3pm",
        "schedule Demo tomorrow between 2 and 3pm",
        "2026-11-26T14:00",
        "2026-11-26T15:00",
    ),
    sched("till", "schedule Demo tomorrow 2pm till 3pm", "2026-11-26T14:00", "2026-11-26T15:00"),
    sched(
        "am-range-with-minutes",
        "schedule Demo tomorrow 10am-11:30am",
        "2026-11-26T10:00",
        "2026-11-26T11:30",
    ),
    sched(
        "24h-range", "schedule Demo tomorrow 15:00-16:00", "2026-11-26T15:00", "2026-11-26T16:00"
    ),
    sched(
        "weekday-and-date-agree",
        "schedule Demo Thursday, Dec 3 at 2pm",
        "2026-12-03T14:00",
        "2026-12-03T14:30",
    ),
    sched("the-3rd", "schedule Demo the 3rd at 2pm", "2026-12-03T14:00", "2026-12-03T14:30"),
    sched("us-slash-date", "schedule Demo 12/3 10am", "2026-12-03T10:00", "2026-12-03T10:30"),
    sched(
        "gb-slash-date",
        "schedule Demo 3/12 10am",
        "2026-12-03T10:00",
        "2026-12-03T10:30",
        locale="en-GB",
    ),
    sched(
        "december-3rd", "schedule Demo December 3rd at 9am", "2026-12-03T09:00", "2026-12-03T09:30"
    ),
    sched("3-dec", "schedule Demo 3 Dec 9am", "2026-12-03T09:00", "2026-12-03T09:30"),
    sched(
        "with-year",
        "schedule Demo Dec 3, 2027 9am",
        "2027-12-03T09:00",
        "2027-12-03T09:30",
        confirm="Friday, December 3, 2027 is more than a year away",
    ),
    sched(
        "on-monday-at-10",
        "schedule Demo on Monday at 10",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        confirm="“at 10” could be 10:00 or 22:00; I read 10:00",
    ),
    sched(
        "weekday-next-week",
        "schedule Demo Thursday next week 10am",
        "2026-12-03T10:00",
        "2026-12-03T10:30",
    ),
    sched(
        "weekday-this-week", "schedule Demo Thursday 10am", "2026-11-26T10:00", "2026-11-26T10:30"
    ),
    sched(
        "today-weekday-passed",
        "schedule Demo Wednesday 9am",
        "2026-12-02T09:00",
        "2026-12-02T09:30",
        confirm="“Wednesday” could be this week or next; I read Wednesday, December 2",
    ),
    sched(
        "today-weekday-ahead",
        "schedule Demo Wednesday 4pm",
        "2026-11-25T16:00",
        "2026-11-25T16:30",
        confirm="“Wednesday” could be this week or next; I read Wednesday, November 25",
    ),
    sched(
        "next-is-never-today",
        "schedule Demo next Wednesday 4pm",
        "2026-12-02T16:00",
        "2026-12-02T16:30",
    ),
    sched("midnight", "schedule Demo at midnight", "2026-11-26T00:00", "2026-11-26T00:30"),
    sched("in-90-minutes", "schedule Demo in 90 minutes", "2026-11-25T11:30", "2026-11-25T12:00"),
    sched(
        "1-hour-30-minutes",
        "schedule Demo tomorrow at 9 for 1 hour 30 minutes",
        "2026-11-26T09:00",
        "2026-11-26T10:30",
        confirm="“at 9” could be 09:00 or 21:00; I read 09:00",
    ),
    sched(
        "1h-15m", "schedule Demo tomorrow 9am for 1h 15m", "2026-11-26T09:00", "2026-11-26T10:15"
    ),
    sched(
        "45-mins", "schedule Demo tomorrow 9am for 45 mins", "2026-11-26T09:00", "2026-11-26T09:45"
    ),
    sched(
        "shouting",
        "Schedule BUDGET review Tomorrow 3PM!!",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="BUDGET review",
    ),
    sched(
        "blanks-and-full-stop",
        "  schedule   Budget   review   tomorrow 3pm.  ",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="Budget review",
    ),
    sched(
        "please-lower-case",
        "please schedule review on monday at 10",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        subject="review",
        confirm="“at 10” could be 10:00 or 22:00; I read 10:00",
    ),
    sched("can-you-book", "can you book Demo Friday 4pm", "2026-11-27T16:00", "2026-11-27T16:30"),
    sched(
        "set-up-a-meeting-about",
        "set up a meeting about Q3 numbers next Tuesday at 2pm",
        "2026-12-01T14:00",
        "2026-12-01T14:30",
        subject="Q3 numbers",
    ),
    sched("plan-2h", "plan Demo Dec 10 9am for 2h", "2026-12-10T09:00", "2026-12-10T11:00"),
    sched(
        "subject-keeps-in",
        "schedule Demo in Berlin tomorrow 3pm",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="Demo in Berlin",
    ),
    sched(
        "morning-in-subject",
        "schedule Morning standup tomorrow 9am",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
        subject="Morning standup",
    ),
    sched(
        "quoted-subject",
        'schedule "Monday planning" tomorrow 3pm',
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="Monday planning",
    ),
    sched(
        "curly-quoted-subject",
        "schedule “Sync at 3pm with everyone” tomorrow 10am",
        "2026-11-26T10:00",
        "2026-11-26T10:30",
        subject="Sync at 3pm with everyone",
    ),
    sched(
        "everyone-is-not-an-address",
        "schedule Town hall with everyone tomorrow 4pm",
        "2026-11-26T16:00",
        "2026-11-26T16:30",
        subject="Town hall",
    ),
    sched(
        "only-everyone",
        "schedule with everyone tomorrow 4pm",
        "2026-11-26T16:00",
        "2026-11-26T16:30",
        subject="Meeting with everyone",
    ),
    case(
        "utc-sender",
        "schedule Demo tomorrow 9am",
        ok("schedule", "Demo", "2026-11-26T09:00:00+00:00", "2026-11-26T09:30:00+00:00"),
        tz=UTC_,
    ),
    sched(
        "noun-like-subject-kept",
        "schedule Call Mom at 5",
        "2026-11-25T17:00",
        "2026-11-25T17:30",
        subject="Call Mom",
        confirm="“at 5” could be 05:00 or 17:00; I read 17:00",
    ),
    case(
        "generic-subject-dropped",
        "schedule meeting tomorrow 3pm",
        ok("schedule", None, ber("2026-11-26T15:00"), ber("2026-11-26T15:30")),
    ),
    sched(
        "for-a-year-is-subject",
        "schedule Budget for 2027 tomorrow 3pm",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="Budget for 2027",
    ),
    sched(
        "for-2-people-is-subject",
        "schedule Lunch for 2 people tomorrow 12pm",
        "2026-11-26T12:00",
        "2026-11-26T12:30",
        subject="Lunch for 2 people",
    ),
    sched(
        "number-in-subject",
        "schedule Sprint 3 planning tomorrow 3pm",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="Sprint 3 planning",
    ),
    sched(
        "version-in-subject",
        "schedule Review of v2.1 tomorrow 3pm",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        subject="Review of v2.1",
    ),
    sched("schedule-now", "schedule Demo now for 1h", "2026-11-25T10:00", "2026-11-25T11:00"),
    case("meeting-now-word", "meeting Sync now", ok("meeting", "Sync", NOW, HALF_PAST)),
    case("schedule-alone-opens-form", "schedule", ok("schedule", None, None, None)),
    case("schedule-meeting-alone", "schedule meeting", ok("schedule", None, None, None)),
    case("schedule-a-meeting-alone", "schedule a meeting", ok("schedule", None, None, None)),
    case("book-alone", "book", ok("schedule", None, None, None)),
]


DST = [
    case(
        "ny-fall-ambiguous-is-first",
        "schedule X tomorrow 1:30am",
        ok("schedule", "X", ny("2026-11-01T01:30", "-04:00"), ny("2026-11-01T01:00", "-05:00")),
        now=NY_FALL,
        tz=NY,
    ),
    case(
        "ny-fall-duration-is-elapsed",
        "schedule X tomorrow 1am for 2 hours",
        ok("schedule", "X", ny("2026-11-01T01:00", "-04:00"), ny("2026-11-01T02:00", "-05:00")),
        now=NY_FALL,
        tz=NY,
    ),
    case(
        "ny-fall-afternoon",
        "schedule X tomorrow 3pm",
        ok("schedule", "X", ny("2026-11-01T15:00", "-05:00"), ny("2026-11-01T15:30", "-05:00")),
        now=NY_FALL,
        tz=NY,
    ),
    case(
        "ny-fall-25-hour-day",
        "my meetings tomorrow",
        ok("list", None, ny("2026-11-01T00:00", "-04:00"), ny("2026-11-02T00:00", "-05:00")),
        now=NY_FALL,
        tz=NY,
    ),
    case(
        "ny-fall-in-24-hours",
        "meeting X in 24 hours",
        ok("meeting", "X", ny("2026-11-01T11:00", "-05:00"), ny("2026-11-01T11:30", "-05:00")),
        now=NY_FALL,
        tz=NY,
    ),
    case(
        "ny-spring-gap-moves-forward",
        "schedule X tomorrow 2:30am",
        ok("schedule", "X", ny("2026-03-08T03:30", "-04:00"), ny("2026-03-08T04:00", "-04:00")),
        now=NY_SPRING,
        tz=NY,
    ),
    case(
        "eu-spring-gap-moves-forward",
        "schedule X tomorrow 2:30am",
        ok("schedule", "X", ny("2026-03-29T03:30", "+02:00"), ny("2026-03-29T04:00", "+02:00")),
        now=EU_SPRING,
        locale="en-GB",
    ),
    case(
        "eu-spring-duration-is-elapsed",
        "schedule X tomorrow 1am for 2 hours",
        ok("schedule", "X", ny("2026-03-29T01:00", "+01:00"), ny("2026-03-29T04:00", "+02:00")),
        now=EU_SPRING,
    ),
    case(
        "eu-spring-23-hour-day",
        "my meetings tomorrow",
        ok("list", None, ny("2026-03-29T00:00", "+01:00"), ny("2026-03-30T00:00", "+02:00")),
        now=EU_SPRING,
    ),
    case(
        "eu-spring-summer-offset",
        "schedule X tomorrow 10am",
        ok("schedule", "X", ny("2026-03-29T10:00", "+02:00"), ny("2026-03-29T10:30", "+02:00")),
        now=EU_SPRING,
    ),
    case(
        "eu-fall-ambiguous-is-first",
        "schedule X tomorrow 02:30",
        ok("schedule", "X", ny("2026-10-25T02:30", "+02:00"), ny("2026-10-25T02:00", "+01:00")),
        now=EU_FALL,
    ),
    case(
        "eu-fall-25-hour-day",
        "my meetings tomorrow",
        ok("list", None, ny("2026-10-25T00:00", "+02:00"), ny("2026-10-26T00:00", "+01:00")),
        now=EU_FALL,
    ),
    case(
        "eu-fall-in-24-hours",
        "meeting X in 24 hours",
        ok("meeting", "X", ny("2026-10-25T11:00", "+01:00"), ny("2026-10-25T11:30", "+01:00")),
        now=EU_FALL,
    ),
    case(
        "eu-fall-week-spans-change",
        "my meetings this week",
        ok("list", None, ny("2026-10-19T00:00", "+02:00"), ny("2026-10-26T00:00", "+01:00")),
        now=EU_FALL,
    ),
]

ROLL_OVER = [
    sched(
        "nov30-tomorrow",
        "schedule Demo tomorrow 9am",
        "2026-12-01T09:00",
        "2026-12-01T09:30",
        now=NOV30,
    ),
    sched(
        "nov30-passed-3pm",
        "schedule Demo at 3pm",
        "2026-12-01T15:00",
        "2026-12-01T15:30",
        now=NOV30,
    ),
    sched(
        "nov30-the-1st",
        "schedule Demo the 1st at 10am",
        "2026-12-01T10:00",
        "2026-12-01T10:30",
        now=NOV30,
    ),
    case(
        "nov30-list-tomorrow",
        "my meetings tomorrow",
        ok("list", None, ber("2026-12-01T00:00"), ber("2026-12-02T00:00")),
        now=NOV30,
    ),
    case(
        "nov30-long-past-date-is-next-year",
        "schedule Demo Oct 20 3pm",
        ok("schedule", "Demo", ny("2027-10-20T15:00", "+02:00"), ny("2027-10-20T15:30", "+02:00")),
        now=NOV30,
    ),
    case(
        "nov30-next-week",
        "my meetings next week",
        ok("list", None, ber("2026-12-07T00:00"), ber("2026-12-14T00:00")),
        now=NOV30,
    ),
    sched(
        "dec31-tomorrow",
        "schedule Demo tomorrow 9am",
        "2027-01-01T09:00",
        "2027-01-01T09:30",
        now=DEC31,
    ),
    sched(
        "dec31-jan-2", "schedule Demo Jan 2 10am", "2027-01-02T10:00", "2027-01-02T10:30", now=DEC31
    ),
    sched(
        "dec31-2-jan",
        "schedule Demo 2 Jan at 10am",
        "2027-01-02T10:00",
        "2027-01-02T10:30",
        now=DEC31,
    ),
    sched(
        "dec31-us-1/2", "schedule Demo 1/2 10am", "2027-01-02T10:00", "2027-01-02T10:30", now=DEC31
    ),
    sched(
        "dec31-next-monday",
        "schedule Demo next Monday 10am",
        "2027-01-04T10:00",
        "2027-01-04T10:30",
        now=DEC31,
    ),
    sched(
        "dec31-friday",
        "schedule Demo Friday 10am",
        "2027-01-01T10:00",
        "2027-01-01T10:30",
        now=DEC31,
    ),
    sched(
        "dec31-thursday-passed",
        "schedule Demo Thursday 10am",
        "2027-01-07T10:00",
        "2027-01-07T10:30",
        now=DEC31,
        confirm="“Thursday” could be this week or next; I read Thursday, January 7",
    ),
    sched(
        "dec31-thursday-ahead",
        "schedule Demo Thursday 7pm",
        "2026-12-31T19:00",
        "2026-12-31T19:30",
        now=DEC31,
        confirm="“Thursday” could be this week or next; I read Thursday, December 31",
    ),
    sched(
        "dec31-passed-5pm",
        "schedule Demo at 5pm",
        "2027-01-01T17:00",
        "2027-01-01T17:30",
        now=DEC31,
    ),
    case(
        "dec31-in-8-hours",
        "meeting Demo in 8 hours",
        ok("meeting", "Demo", ber("2027-01-01T02:00"), ber("2027-01-01T02:30")),
        now=DEC31,
    ),
    case(
        "dec31-list-next-week",
        "my meetings next week",
        ok("list", None, ber("2027-01-04T00:00"), ber("2027-01-11T00:00")),
        now=DEC31,
    ),
    case(
        "dec31-list-tomorrow",
        "my meetings tomorrow",
        ok("list", None, ber("2027-01-01T00:00"), ber("2027-01-02T00:00")),
        now=DEC31,
    ),
]

ROWS = [*SCHEDULE, *DST, *ROLL_OVER]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_times(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
