"""How the bot reads what people type: one row per phrasing, with the JSON `meeting-bot parse`
prints for it. `CASES` is also the benchmark's workload (bench/bench_parse.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.parsing import Mention, parse_command

BER, NY, SP, UTC_ = "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "UTC"
WED = "2026-11-25T10:00:00"  # a Wednesday morning
NOV30 = "2026-11-30T16:00:00"  # Monday afternoon, the last day of the month
DEC31 = "2026-12-31T18:00:00"  # Thursday evening, the last day of the year
NY_FALL = "2026-10-31T12:00:00"  # US clocks go back at 02:00 on Sunday 2026-11-01
NY_SPRING = "2026-03-07T12:00:00"  # US clocks go forward at 02:00 on Sunday 2026-03-08
EU_SPRING = "2026-03-28T12:00:00"  # EU clocks go forward at 02:00 on Sunday 2026-03-29
EU_FALL = "2026-10-24T12:00:00"  # EU clocks go back at 03:00 on Sunday 2026-10-25

MENTIONS = (
    Mention(id="29:ann", name="Ann Lee", text="<at>Ann Lee</at>"),
    Mention(id="29:bob", name="Bob", text="<at>Bob</at>"),
)

EX = "schedule Budget review tomorrow 3pm for 30m"
EX_PT = "agendar Revisão amanhã às 15h por 30 min"
QUOTED = (
    "If the subject names a day, put it in quotes, e.g. schedule “Monday planning” tomorrow 3pm"
)


def ber(local: str) -> str:
    """A Berlin winter time: "2026-11-26T15:00" -> "2026-11-26T15:00:00+01:00"."""
    return f"{local}:00+01:00"


def sp(local: str) -> str:
    return f"{local}:00-03:00"


def ok(
    command: str, subject: str | None, start: str | None, end: str | None, *attendees: str
) -> dict[str, Any]:
    return {
        "command": command,
        "subject": subject,
        "start": start,
        "end": end,
        "attendees": list(attendees),
        "error": None,
    }


def refused(command: str, error: str) -> dict[str, Any]:
    return {
        "command": command,
        "subject": None,
        "start": None,
        "end": None,
        "attendees": [],
        "error": error,
    }


def case(
    id: str,
    text: str,
    expected: dict[str, Any],
    now: str = WED,
    tz: str = BER,
    locale: str = "en-US",
) -> Any:
    return pytest.param(text, now, tz, locale, expected, id=id)


NOW = ber("2026-11-25T10:00")
HALF_PAST = ber("2026-11-25T10:30")

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


def sched(id: str, text: str, start: str, end: str, subject: str = "Demo", **kw: Any) -> Any:
    """A `schedule` row in Berlin whose subject is "Demo" unless told otherwise."""
    return case(id, text, ok("schedule", subject, ber(start), ber(end)), **kw)


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
    sched("bare-3-is-afternoon", "schedule Demo at 3", "2026-11-25T15:00", "2026-11-25T15:30"),
    sched("bare-6-is-evening", "schedule Demo at 6", "2026-11-25T18:00", "2026-11-25T18:30"),
    sched("bare-7-is-morning", "schedule Demo at 7", "2026-11-26T07:00", "2026-11-26T07:30"),
    sched("bare-12-is-noon", "schedule Demo at 12", "2026-11-25T12:00", "2026-11-25T12:30"),
    sched("leading-zero-is-24h", "schedule Demo at 03:00", "2026-11-26T03:00", "2026-11-26T03:30"),
    sched("tomorrow-9", "schedule Demo tomorrow 9", "2026-11-26T09:00", "2026-11-26T09:30"),
    sched("3:00-PM", "schedule Demo tomorrow at 3:00 PM", "2026-11-26T15:00", "2026-11-26T15:30"),
    sched("3-p.m.", "schedule Demo tomorrow at 3 p.m.", "2026-11-26T15:00", "2026-11-26T15:30"),
    sched(
        "for-tomorrow", "schedule Demo for tomorrow at 3pm", "2026-11-26T15:00", "2026-11-26T15:30"
    ),
    sched("time-before-date", "schedule Demo 3pm tomorrow", "2026-11-26T15:00", "2026-11-26T15:30"),
    sched("at-3-tomorrow", "schedule Demo at 3 tomorrow", "2026-11-26T15:00", "2026-11-26T15:30"),
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
        "bare-range-after-day", "schedule Demo Friday 10-11", "2026-11-27T10:00", "2026-11-27T11:00"
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
    sched("with-year", "schedule Demo Dec 3, 2027 9am", "2027-12-03T09:00", "2027-12-03T09:30"),
    sched(
        "on-monday-at-10", "schedule Demo on Monday at 10", "2026-11-30T10:00", "2026-11-30T10:30"
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
    ),
    sched(
        "today-weekday-ahead", "schedule Demo Wednesday 4pm", "2026-11-25T16:00", "2026-11-25T16:30"
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
        ok("schedule", "1:1", T15, ber("2026-11-26T15:45"), "29:ann"),
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


def ny(local: str, offset: str) -> str:
    return f"{local}:00{offset}"


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
    ),
    sched(
        "dec31-thursday-ahead",
        "schedule Demo Thursday 7pm",
        "2026-12-31T19:00",
        "2026-12-31T19:30",
        now=DEC31,
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
    case(
        "typo-in-day",
        "schedule Budget review tomorow 3pm",
        refused("schedule", f"I couldn't read the time in “tomorow 3pm”. Try: {EX}"),
    ),
    case(
        "typo-in-weekday",
        "schedule Budget review Thrusday 3pm",
        refused("schedule", f"I couldn't read the time in “Thrusday 3pm”. Try: {EX}"),
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
    case(
        "duration-without-unit",
        "schedule X tomorrow 3pm for 90",
        refused(
            "schedule",
            "I couldn't read the duration in “for 90”. Try: for 45m, for 1h30 or for 1.5 hours",
        ),
    ),
    case(
        "duration-without-unit-before-time",
        "schedule X for 90 tomorrow 3pm",
        refused(
            "schedule",
            "I couldn't read the duration in “for 90”. Try: for 45m, for 1h30 or for 1.5 hours",
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


def spt(id: str, text: str, start: str, end: str, subject: str = "Revisão", **kw: Any) -> Any:
    """A Portuguese `schedule` row in São Paulo whose subject is "Revisão" unless told otherwise."""
    kw.setdefault("tz", SP)
    kw.setdefault("locale", "pt-BR")
    return case(id, text, ok("schedule", subject, sp(start), sp(end)), **kw)


def pt(id: str, text: str, expected: dict[str, Any], **kw: Any) -> Any:
    kw.setdefault("tz", SP)
    kw.setdefault("locale", "pt-BR")
    return case(id, text, expected, **kw)


SP_NOW, SP_HALF = sp("2026-11-25T10:00"), sp("2026-11-25T10:30")
PORTUGUESE = [
    spt(
        "pt-issue-example",
        "agendar Revisão amanhã às 15h por 30 min",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    pt(
        "pt-marcar-com",
        "marcar Revisão amanhã às 15h30 com ann@x.com",
        ok("schedule", "Revisão", sp("2026-11-26T15:30"), sp("2026-11-26T16:00"), "ann@x.com"),
    ),
    spt(
        "pt-no-accents",
        "AGENDAR Revisao amanha as 15:30",
        "2026-11-26T15:30",
        "2026-11-26T16:00",
        subject="Revisao",
    ),
    pt("pt-reuniao-agora", "reunião agora", ok("meet_now", None, SP_NOW, SP_HALF)),
    pt(
        "pt-reuniao-agora-45",
        "reunião agora Design sync por 45 min",
        ok("meet_now", "Design sync", SP_NOW, sp("2026-11-25T10:45")),
    ),
    pt(
        "pt-reunir-agora-1-hora",
        "reunir agora por 1 hora",
        ok("meet_now", None, SP_NOW, sp("2026-11-25T11:00")),
    ),
    pt(
        "pt-reuniao-hoje-16h",
        "reunião Planejamento hoje às 16h",
        ok("meeting", "Planejamento", sp("2026-11-25T16:00"), sp("2026-11-25T16:30")),
    ),
    pt(
        "pt-reuniao-sem-hora",
        "reunião Planejamento",
        ok("meeting", "Planejamento", SP_NOW, SP_HALF),
    ),
    pt("pt-link-do-teams", "link do teams para Revisão", ok("meeting", "Revisão", SP_NOW, SP_HALF)),
    spt(
        "pt-depois-de-amanha",
        "agendar Revisão depois de amanhã às 9h",
        "2026-11-27T09:00",
        "2026-11-27T09:30",
    ),
    spt("pt-segunda-10h", "agendar Revisão segunda às 10h", "2026-11-30T10:00", "2026-11-30T10:30"),
    spt(
        "pt-segunda-feira-de-manha",
        "agendar Revisão segunda-feira de manhã",
        "2026-11-30T09:00",
        "2026-11-30T09:30",
    ),
    spt(
        "pt-na-proxima-sexta",
        "agendar Revisão na próxima sexta às 14h",
        "2026-11-27T14:00",
        "2026-11-27T14:30",
    ),
    spt(
        "pt-sexta-que-vem",
        "agendar Revisão sexta que vem às 14h",
        "2026-11-27T14:00",
        "2026-11-27T14:30",
    ),
    spt(
        "pt-quinta-da-semana-que-vem",
        "agendar Revisão quinta da semana que vem às 10h",
        "2026-12-03T10:00",
        "2026-12-03T10:30",
    ),
    spt("pt-na-quinta", "agendar Revisão na quinta às 10h", "2026-11-26T10:00", "2026-11-26T10:30"),
    spt("pt-ao-meio-dia", "agendar Revisão ao meio-dia", "2026-11-25T12:00", "2026-11-25T12:30"),
    spt(
        "pt-amanha-a-tarde",
        "agendar Revisão amanhã à tarde",
        "2026-11-26T14:00",
        "2026-11-26T14:30",
    ),
    spt("pt-hoje-a-noite", "agendar Revisão hoje à noite", "2026-11-25T18:00", "2026-11-25T18:30"),
    spt(
        "pt-3-da-tarde",
        "agendar Revisão amanhã às 3 da tarde",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    spt(
        "pt-9-da-manha",
        "agendar Revisão amanhã às 9 da manhã",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
    ),
    spt(
        "pt-8-da-noite",
        "agendar Revisão amanhã às 8 da noite",
        "2026-11-26T20:00",
        "2026-11-26T20:30",
    ),
    spt(
        "pt-por-1-hora",
        "agendar Revisão por 1 hora amanhã às 10h",
        "2026-11-26T10:00",
        "2026-11-26T11:00",
    ),
    spt(
        "pt-por-1h30",
        "agendar Revisão amanhã às 10h por 1h30",
        "2026-11-26T10:00",
        "2026-11-26T11:30",
    ),
    spt(
        "pt-uma-hora-e-meia",
        "agendar Revisão amanhã às 10h por uma hora e meia",
        "2026-11-26T10:00",
        "2026-11-26T11:30",
    ),
    spt(
        "pt-durante-2-horas",
        "agendar Revisão amanhã às 10h durante 2 horas",
        "2026-11-26T10:00",
        "2026-11-26T12:00",
    ),
    spt(
        "pt-meia-hora",
        "agendar Revisão amanhã às 10h por meia hora",
        "2026-11-26T10:00",
        "2026-11-26T10:30",
    ),
    spt("pt-em-2-horas", "agendar Revisão em 2 horas", "2026-11-25T12:00", "2026-11-25T12:30"),
    spt(
        "pt-daqui-a-30-minutos",
        "agendar Revisão daqui a 30 minutos",
        "2026-11-25T10:30",
        "2026-11-25T11:00",
    ),
    spt(
        "pt-de-15h-as-16h", "agendar Revisão de 15h às 16h", "2026-11-25T15:00", "2026-11-25T16:00"
    ),
    spt(
        "pt-das-15h-as-16h30",
        "agendar Revisão amanhã das 15h às 16h30",
        "2026-11-26T15:00",
        "2026-11-26T16:30",
    ),
    spt(
        "pt-entre", "agendar Revisão amanhã entre 14h e 15h", "2026-11-26T14:00", "2026-11-26T15:00"
    ),
    spt("pt-15h-16h", "agendar Revisão amanhã 15h-16h", "2026-11-26T15:00", "2026-11-26T16:00"),
    spt(
        "pt-do-meio-dia-as-13h",
        "agendar Revisão amanhã do meio-dia às 13h",
        "2026-11-26T12:00",
        "2026-11-26T13:00",
    ),
    spt(
        "pt-3-de-dezembro",
        "agendar Revisão 3 de dezembro às 15h",
        "2026-12-03T15:00",
        "2026-12-03T15:30",
    ),
    spt(
        "pt-dia-3-de-dezembro",
        "agendar Revisão dia 3 de dezembro às 15h",
        "2026-12-03T15:00",
        "2026-12-03T15:30",
    ),
    spt(
        "pt-com-ano",
        "agendar Revisão 3 de dezembro de 2026 às 15h",
        "2026-12-03T15:00",
        "2026-12-03T15:30",
    ),
    spt("pt-3-dez-abreviado", "agendar Revisão 3 dez 15h", "2026-12-03T15:00", "2026-12-03T15:30"),
    spt("pt-barra-dia-mes", "agendar Revisão 3/12 às 15h", "2026-12-03T15:00", "2026-12-03T15:30"),
    spt("pt-dia-3", "agendar Revisão dia 3 às 10h", "2026-12-03T10:00", "2026-12-03T10:30"),
    spt(
        "pt-1o-de-dezembro",
        "agendar Revisão 1º de dezembro às 10h",
        "2026-12-01T10:00",
        "2026-12-01T10:30",
    ),
    spt(
        "pt-para-amanha",
        "agendar Revisão para amanhã às 15h",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    spt("pt-as-15-sem-h", "agendar Revisão amanhã às 15", "2026-11-26T15:00", "2026-11-26T15:30"),
    spt("pt-as-3-e-tarde", "agendar Revisão amanhã às 3", "2026-11-26T15:00", "2026-11-26T15:30"),
    spt("pt-as-7h-e-manha", "agendar Revisão amanhã às 7h", "2026-11-26T07:00", "2026-11-26T07:30"),
    spt(
        "pt-fim-do-dia", "agendar Revisão amanhã fim do dia", "2026-11-26T17:00", "2026-11-26T17:30"
    ),
    spt(
        "pt-com-todos",
        "agendar Revisão amanhã às 15h com todos",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    pt(
        "pt-sem-assunto",
        "agendar com ann@x.com amanhã às 15h",
        ok(
            "schedule",
            "Reunião com Ann",
            sp("2026-11-26T15:00"),
            sp("2026-11-26T15:30"),
            "ann@x.com",
        ),
    ),
    pt(
        "pt-mencao-e-email",
        "agendar uma reunião com <at>Ann Lee</at> e bob@y.com amanhã às 15h",
        ok(
            "schedule",
            "Reunião com Ann Lee e Bob",
            sp("2026-11-26T15:00"),
            sp("2026-11-26T15:30"),
            "29:ann",
            "bob@y.com",
        ),
    ),
    pt("pt-agendar-sozinho", "agendar", ok("schedule", None, None, None)),
    pt(
        "pt-agora-no-fim",
        "reunião com <at>Bob</at> agora",
        ok("meeting", "Reunião com Bob", SP_NOW, SP_HALF, "29:bob"),
    ),
    pt(
        "pt-reuniao-generica",
        "marcar reunião amanhã 15h",
        ok("schedule", None, sp("2026-11-26T15:00"), sp("2026-11-26T15:30")),
    ),
    spt(
        "pt-hora-antes-do-dia",
        "agendar Revisão às 15h de amanhã",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    spt(
        "pt-terca-14h-as-15h",
        "agendar Revisão terça 14h às 15h",
        "2026-12-01T14:00",
        "2026-12-01T15:00",
    ),
    spt("pt-ate", "agendar Revisão amanhã às 14h até 15h", "2026-11-26T14:00", "2026-11-26T15:00"),
    spt(
        "pt-10-de-janeiro",
        "agendar Revisão 10 de janeiro às 10h",
        "2027-01-10T10:00",
        "2027-01-10T10:30",
    ),
    pt(
        "pt-na-sexta",
        "minhas reuniões na sexta",
        ok("list", None, sp("2026-11-27T00:00"), sp("2026-11-28T00:00")),
    ),
    pt("pt-minhas-reunioes", "minhas reuniões", ok("list", None, SP_NOW, sp("2026-12-02T10:00"))),
    pt(
        "pt-hoje",
        "minhas reuniões hoje",
        ok("list", None, sp("2026-11-25T00:00"), sp("2026-11-26T00:00")),
    ),
    pt(
        "pt-de-amanha",
        "minhas reuniões de amanhã",
        ok("list", None, sp("2026-11-26T00:00"), sp("2026-11-27T00:00")),
    ),
    pt(
        "pt-semana-que-vem",
        "agenda da semana que vem",
        ok("list", None, sp("2026-11-30T00:00"), sp("2026-12-07T00:00")),
    ),
    pt(
        "pt-esta-semana",
        "minhas reuniões esta semana",
        ok("list", None, sp("2026-11-23T00:00"), sp("2026-11-30T00:00")),
    ),
    pt("pt-cancelar", "cancelar Revisão", ok("cancel", "Revisão", None, None)),
    pt("pt-cancelar-a-reuniao", "cancelar a reunião Revisão", ok("cancel", "Revisão", None, None)),
    pt("pt-ajuda", "ajuda", ok("help", None, None, None)),
    pt(
        "english-under-pt-locale",
        "schedule Budget review tomorrow 3pm",
        ok("schedule", "Budget review", sp("2026-11-26T15:00"), sp("2026-11-26T15:30")),
    ),
    spt(
        "portuguese-under-en-locale",
        "agendar Revisão amanhã às 15h",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        locale="en-US",
    ),
    pt(
        "pt-ontem",
        "agendar Revisão ontem às 15h",
        refused(
            "schedule",
            f"“ontem às 15h” já passou. Escolha um horário a partir de agora, por exemplo: {EX_PT}",
        ),
    ),
    pt(
        "pt-hoje-passou",
        "agendar Revisão hoje às 9h",
        refused(
            "schedule",
            f"“hoje às 9h” já passou. Escolha um horário a partir de agora, por exemplo: {EX_PT}",
        ),
    ),
    pt(
        "pt-data-sem-hora",
        "agendar Revisão amanhã",
        refused(
            "schedule", "“amanhã” não tem horário. Acrescente um, por exemplo: “amanhã às 15h”"
        ),
    ),
    pt(
        "pt-erro-de-digitacao",
        "agendar Revisão amnhã às 15h",
        refused("schedule", f"Não consegui ler o horário em “amnhã às 15h”. Tente: {EX_PT}"),
    ),
    pt(
        "pt-25h",
        "agendar Revisão amanhã às 25h",
        refused("schedule", f"Não consegui ler o horário em “às 25h”. Tente: {EX_PT}"),
    ),
    pt(
        "pt-sem-horario",
        "agendar Revisão",
        refused("schedule", f"Quando deve começar? Informe dia e horário, por exemplo: {EX_PT}"),
    ),
    pt(
        "pt-reuniao-agora-com-hora",
        "reunião agora amanhã às 15h",
        refused(
            "meet_now",
            "“reunião agora” começa imediatamente, então não posso usar “amanhã às 15h”. "
            "Para escolher um horário, tente: reunião Revisão do orçamento amanhã às 15h",
        ),
    ),
    pt(
        "pt-cancelar-o-que",
        "cancelar",
        refused(
            "cancel",
            "Qual reunião devo cancelar? Diga o nome, por exemplo: cancelar Revisão do orçamento",
        ),
    ),
    pt(
        "pt-nao-entendi",
        "bla bla",
        refused(
            "unknown",
            f"Não entendi “bla bla”. Tente: {EX_PT}, reunião agora, minhas reuniões ou ajuda",
        ),
    ),
    pt(
        "english-command-portuguese-error",
        "schedule X yesterday 3pm",
        refused(
            "schedule",
            "“yesterday 3pm” já passou. "
            f"Escolha um horário a partir de agora, por exemplo: {EX_PT}",
        ),
    ),
]

CASES = [
    *MEET_NOW,
    *MEETING,
    *SCHEDULE,
    *ATTENDEES,
    *LIST,
    *CANCEL_HELP,
    *DST,
    *ROLL_OVER,
    *REFUSED,
    *PORTUGUESE,
]


def aware(now: str, tz: str) -> datetime:
    moment = datetime.fromisoformat(now)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz))


@pytest.mark.parametrize(("text", "now", "tz", "locale", "expected"), CASES)
def test_phrasing(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    command = parse_command(text, aware(now, tz), ZoneInfo(tz), locale, mentions=MENTIONS)
    assert command.as_dict() == expected


def test_the_table_is_big_enough_and_ids_are_unique() -> None:
    ids = [p.id for p in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 150
    refusals = [p for p in CASES if p.values[4]["error"]]
    assert len(refusals) >= 20
