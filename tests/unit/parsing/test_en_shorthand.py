"""English as people type it (issue 11): shorthand and typos, durations with or without "for",
ranges, weekdays and dates. Each row is sure, unsure (with its doubts) or refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import DEC31, FIELDS, FRI, NOV30, Lang, check

E = Lang("en-US", "Europe/Berlin", "+01:00", "Retro")
AMPM = ("am_pm",)
FIXED = ("corrected",)
WEEK = ("weekday",)

SHORTHAND = [
    E.sure("tmrw", "schedule Retro tmrw 3pm", "26T15:00", "26T15:30"),
    E.sure("tmw-at", "schedule Retro tmw at 4pm", "26T16:00", "26T16:30"),
    E.sure("tmr", "schedule Retro tmr 10am", "26T10:00", "26T10:30"),
    E.unsure("tomorow", "schedule Retro tomorow 3pm", "26T15:00", "26T15:30", FIXED),
    E.unsure(
        "2morrow-at-5",
        "schedule retro 2morrow at 5",
        "26T17:00",
        "26T17:30",
        ("corrected", "am_pm"),
        "retro",
        confirm="I read “2morrow” as “tomorrow”; “at 5” could be 05:00 or 17:00; I read 17:00",
    ),
    E.unsure("thursdy", "schedule Retro thursdy 10am", "26T10:00", "26T10:30", FIXED),
    E.unsure("tommorow", "schedule Retro tommorow 10am", "26T10:00", "26T10:30", FIXED),
    E.unsure("frdiay", "schedule Retro frdiay 10am", "27T10:00", "27T10:30", FIXED),
    E.unsure(
        "wendesday-said-on-wednesday",
        "schedule Retro wendesday 4pm",
        "25T16:00",
        "25T16:30",
        ("corrected", "weekday"),
    ),
    E.sure(
        "nxt-week-tuesday", "schedule Retro nxt week tuesday 10am", "12-01T10:00", "12-01T10:30"
    ),
    E.sure("next-tue", "schedule Retro next tue 10am", "12-01T10:00", "12-01T10:30"),
    E.sure("eod", "schedule Retro eod", "25T17:00", "25T17:30"),
    E.sure("asap", "meeting Retro asap", "25T10:00", "25T10:30", kind="meeting"),
    E.sure("5p", "schedule Retro tomorrow 5p", "26T17:00", "26T17:30"),
    E.sure("5pm", "schedule Retro tomorrow 5pm", "26T17:00", "26T17:30"),
    E.sure("17:00", "schedule Retro tomorrow 17:00", "26T17:00", "26T17:30"),
    E.sure("at-1700", "schedule Retro tomorrow at 1700", "26T17:00", "26T17:30"),
    E.sure("1700-after-a-day", "schedule Retro tomorrow 1700", "26T17:00", "26T17:30"),
    E.sure("1700-hrs", "schedule Retro tomorrow 1700 hrs", "26T17:00", "26T17:30"),
    E.unsure("at-5", "schedule Retro at 5", "25T17:00", "25T17:30", AMPM),
    E.unsure("at-5-said-at-4pm", "schedule Retro at 5", "30T17:00", "30T17:30", AMPM, now=NOV30),
    E.unsure(
        "at-5-said-after-5pm",
        "schedule Retro at 5",
        "2027-01-01T17:00",
        "2027-01-01T17:30",
        AMPM,
        now=DEC31,
    ),
    E.unsure("half-past-4", "schedule Retro tomorrow at half past 4", "26T16:30", "26T17:00", AMPM),
    E.unsure("quarter-to-5", "schedule Retro tomorrow quarter to 5", "26T16:45", "26T17:15", AMPM),
    E.unsure(
        "quarter-past-9", "schedule Retro tomorrow quarter past 9", "26T09:15", "26T09:45", AMPM
    ),
    E.sure(
        "half-past-4-in-the-afternoon",
        "schedule Retro tomorrow half past 4 in the afternoon",
        "26T16:30",
        "26T17:00",
    ),
    E.unsure("at-four", "schedule Retro tomorrow at four", "26T16:00", "26T16:30", AMPM),
    E.unsure("at-eleven", "schedule Retro tomorrow at eleven", "26T11:00", "26T11:30", AMPM),
    E.sure("at-9:30-is-as-written", "schedule Retro tomorrow at 9:30", "26T09:30", "26T10:00"),
    E.unsure(
        "at-3:30-is-afternoon", "schedule Retro tomorrow at 3:30", "26T15:30", "26T16:00", AMPM
    ),
]

DURATIONS = [
    E.sure("for-45-minutes", "schedule Retro tomorrow 3pm for 45 minutes", "26T15:00", "26T15:45"),
    E.unsure(
        "for-45-no-unit",
        "schedule Retro tomorrow 3pm for 45",
        "26T15:00",
        "26T15:45",
        ("no_unit",),
        confirm="“for 45” has no unit; I read 45 minutes",
    ),
    E.sure("45-min-without-for", "schedule Retro tomorrow 3pm 45 min", "26T15:00", "26T15:45"),
    E.sure("friday-3pm-2h", "schedule Review friday 3pm 2h", "27T15:00", "27T17:00", "Review"),
    E.sure("9am-20m", "schedule Retro tomorrow 9am 20m", "26T09:00", "26T09:20"),
    E.sure(
        "for-an-hour-and-a-half",
        "schedule Retro tomorrow 3pm for an hour and a half",
        "26T15:00",
        "26T16:30",
    ),
    E.sure("1,5-h", "schedule Retro tomorrow 3pm for 1,5 h", "26T15:00", "26T16:30"),
    E.sure("2h15", "schedule Retro tomorrow 3pm for 2h15", "26T15:00", "26T17:15"),
    E.sure("1.5-hours-bare", "schedule Retro tomorrow 3pm 1.5 hours", "26T15:00", "26T16:30"),
    E.sure("half-an-hour", "schedule Retro tomorrow 3pm half an hour", "26T15:00", "26T15:30"),
    E.refused(
        "for-0-minutes-after-a-time",
        "schedule Retro tomorrow 3pm for 0 minutes",
        "schedule",
        "must last between 1 minute and 24 hours, so “for 0 minutes”",
    ),
    E.refused(
        "negative-minutes",
        "schedule Retro tomorrow 3pm for -30 minutes",
        "schedule",
        "must last between 1 minute and 24 hours",
    ),
    E.refused(
        "negative-without-for",
        "meet now -30 minutes",
        "meet_now",
        "must last between 1 minute and 24 hours",
    ),
    E.refused(
        "25-hours",
        "schedule Retro tomorrow 3pm for 25 hours",
        "schedule",
        "must last between 1 minute and 24 hours",
    ),
]

RANGES = [
    E.sure("2-3pm", "schedule Retro tomorrow 2-3pm", "26T14:00", "26T15:00"),
    E.sure("9-to-10:30", "schedule Retro tomorrow 9 to 10:30", "26T09:00", "26T10:30"),
    E.sure(
        "from-10-till-noon", "schedule Retro tomorrow from 10 till noon", "26T10:00", "26T12:00"
    ),
    E.sure("from-noon-to-2", "schedule Retro tomorrow from noon to 2", "26T12:00", "26T14:00"),
    E.sure("22:00-to-01:00", "schedule Retro tomorrow 22:00 to 01:00", "26T22:00", "27T01:00"),
    E.sure("10:30-11:15", "schedule Retro tomorrow 10:30-11:15", "26T10:30", "26T11:15"),
    E.sure(
        "between-3pm-and-4pm",
        "schedule Retro tomorrow between 3pm and 4pm",
        "26T15:00",
        "26T16:00",
    ),
    E.unsure("bare-2-3", "schedule Retro tomorrow 2-3", "26T14:00", "26T15:00", AMPM),
    E.refused(
        "3pm-2pm",
        "schedule Retro tomorrow 3pm-2pm",
        "schedule",
        "In “3pm-2pm” the meeting would end before it starts",
    ),
    E.refused(
        "15:00-14:00",
        "schedule Retro tomorrow 15:00-14:00",
        "schedule",
        "would end before it starts",
    ),
]

WEEKDAYS = [
    E.sure("this-wednesday-today", "schedule Retro this wednesday 3pm", "25T15:00", "25T15:30"),
    E.unsure(
        "this-wednesday-passed",
        "schedule Retro this wednesday 9am",
        "12-02T09:00",
        "12-02T09:30",
        WEEK,
    ),
    E.unsure(
        "on-friday-said-on-friday",
        "schedule Retro on friday 3pm",
        "27T15:00",
        "27T15:30",
        WEEK,
        now=FRI,
        confirm="“on friday” could be this week or next; I read Friday, November 27",
    ),
    E.unsure(
        "friday-9am-said-on-friday-at-10",
        "schedule Retro friday 9am",
        "12-04T09:00",
        "12-04T09:30",
        WEEK,
        now=FRI,
    ),
    E.sure("monday", "schedule Retro monday 10am", "30T10:00", "30T10:30"),
    E.sure("sat", "schedule Retro sat 10am", "28T10:00", "28T10:30"),
    E.refused(
        "last-friday",
        "schedule Retro last friday 3pm",
        "schedule",
        "“last friday 3pm” is in the past",
    ),
    E.sure(
        "tuesday-next-week", "schedule Retro tuesday next week 10am", "12-01T10:00", "12-01T10:30"
    ),
    E.unsure(
        "next-thursday-this-week", "schedule Retro next thursday 10am", "26T10:00", "26T10:30", WEEK
    ),
    E.sure("next-monday", "schedule Retro next monday 10am", "30T10:00", "30T10:30"),
]

DATES = [
    E.sure("jan-5th", "schedule Retro Jan 5th 10am", "2027-01-05T10:00", "2027-01-05T10:30"),
    E.sure(
        "5th-of-january",
        "schedule Retro 5th of January at 10am",
        "2027-01-05T10:00",
        "2027-01-05T10:30",
    ),
    E.sure(
        "us-4/5-is-april",
        "schedule Retro 4/5 10am",
        "2027-04-05T10:00:00+02:00",
        "2027-04-05T10:30:00+02:00",
    ),
    E.sure(
        "gb-4/5-is-may",
        "schedule Retro 4/5 10am",
        "2027-05-04T10:00:00+02:00",
        "2027-05-04T10:30:00+02:00",
        locale="en-GB",
    ),
    E.sure("iso", "schedule Retro 2027-01-05 10am", "2027-01-05T10:00", "2027-01-05T10:30"),
    E.sure(
        "within-a-year",
        "schedule Retro Oct 1 10am",
        "2027-10-01T10:00:00+02:00",
        "2027-10-01T10:30:00+02:00",
    ),
    E.refused("apr-31", "schedule Retro Apr 31 10am", "schedule", "read the time in “Apr 31”"),
    E.refused("24:30", "schedule Retro tomorrow 24:30", "schedule", "read the time in “24:30”"),
    E.refused(
        "feb-29-2027", "schedule Retro Feb 29 2027 10am", "schedule", "read the time in “Feb 29"
    ),
    E.unsure(
        "more-than-a-year-ahead",
        "schedule Retro Jan 5 2028 10am",
        "2028-01-05T10:00",
        "2028-01-05T10:30",
        ("far_ahead",),
        confirm="Wednesday, January 5, 2028 is more than a year away",
    ),
    E.unsure(
        "iso-far-ahead",
        "schedule Retro 2028-03-01 10:00",
        "2028-03-01T10:00",
        "2028-03-01T10:30",
        ("far_ahead",),
    ),
    E.unsure(
        "feb-29-2028",
        "schedule Retro Feb 29 2028 10am",
        "2028-02-29T10:00",
        "2028-02-29T10:30",
        ("far_ahead",),
    ),
    E.sure("weekday-and-date", "schedule Retro Thursday Dec 3 10am", "12-03T10:00", "12-03T10:30"),
    E.sure("dec-3rd", "schedule Retro December 3rd 10am", "12-03T10:00", "12-03T10:30"),
]

ROWS = [*SHORTHAND, *DURATIONS, *RANGES, *WEEKDAYS, *DATES]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_shorthand(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
