"""English with another time zone named in the text (issue 11): the meeting is at that zone's
instant, given back in the sender's zone, with the zone named; abbreviations with more than one
meaning are read for the sender and confirmed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

E = Lang("en-US", "Europe/Berlin", "+01:00", "Retro")
NY, LA, CHI = "America/New_York", "America/Los_Angeles", "America/Chicago"
ZONE = ("zone",)

ZONES = [
    E.sure("et", "schedule Retro tomorrow 10am ET", "26T16:00", "26T16:30", zone=NY),
    E.sure("est", "schedule Retro tomorrow 10am EST", "26T16:00", "26T16:30", zone=NY),
    E.sure(
        "edt-means-eastern", "schedule Retro tomorrow 10am EDT", "26T16:00", "26T16:30", zone=NY
    ),
    E.sure("est-lower-case", "schedule Retro tomorrow 10am est", "26T16:00", "26T16:30", zone=NY),
    E.sure("pst", "schedule Retro tomorrow 10am PST", "26T19:00", "26T19:30", zone=LA),
    E.sure("pt", "schedule Retro tomorrow 10am PT", "26T19:00", "26T19:30", zone=LA),
    E.sure("pdt", "schedule Retro tomorrow 9am PDT", "26T18:00", "26T18:30", zone=LA),
    E.sure("ct", "schedule Retro tomorrow 10am CT", "26T17:00", "26T17:30", zone=CHI),
    E.unsure(
        "cst-from-lisbon",
        "schedule Sync with Chicago tomorrow 10am CST",
        "2026-11-26T16:00:00+00:00",
        "2026-11-26T16:30:00+00:00",
        ZONE,
        "Sync with Chicago",
        zone=CHI,
        tz="Europe/Lisbon",
        confirm="“CST” can mean more than one time zone; I read America/Chicago",
    ),
    E.unsure(
        "cst-from-shanghai",
        "schedule Sync tomorrow 10am CST",
        "2026-11-26T10:00:00+08:00",
        "2026-11-26T10:30:00+08:00",
        ZONE,
        "Sync",
        zone="Asia/Shanghai",
        tz="Asia/Shanghai",
    ),
    E.sure("cet", "schedule Retro tomorrow 10am CET", "26T10:00", "26T10:30", zone="Europe/Paris"),
    E.sure(
        "cest", "schedule Retro tomorrow 10am CEST", "26T10:00", "26T10:30", zone="Europe/Paris"
    ),
    E.unsure(
        "bst", "schedule Retro tomorrow 3pm BST", "26T16:00", "26T16:30", ZONE, zone="Europe/London"
    ),
    E.unsure(
        "bst-from-dhaka",
        "schedule Retro tomorrow 3pm BST",
        "2026-11-26T15:00:00+06:00",
        "2026-11-26T15:30:00+06:00",
        ZONE,
        zone="Asia/Dhaka",
        tz="Asia/Dhaka",
    ),
    E.unsure(
        "ist", "schedule Retro tomorrow 3pm IST", "26T10:30", "26T11:00", ZONE, zone="Asia/Kolkata"
    ),
    E.unsure(
        "ist-from-dublin",
        "schedule Retro tomorrow 3pm IST",
        "2026-11-26T15:00:00+00:00",
        "2026-11-26T15:30:00+00:00",
        ZONE,
        zone="Europe/Dublin",
        tz="Europe/Dublin",
    ),
    E.unsure(
        "ist-for-a-hebrew-locale",
        "schedule Retro tomorrow 3pm IST",
        "26T14:00",
        "26T14:30",
        ZONE,
        zone="Asia/Jerusalem",
        locale="he-IL",
    ),
    E.sure("gmt", "schedule Retro tomorrow 3pm GMT", "26T16:00", "26T16:30", zone="UTC"),
    E.sure("utc", "schedule Retro tomorrow 3pm UTC", "26T16:00", "26T16:30", zone="UTC"),
    E.sure("gmt+2", "schedule Retro tomorrow 3pm GMT+2", "26T14:00", "26T14:30", zone="UTC+02:00"),
    E.sure("utc-3", "schedule Retro tomorrow 3pm UTC-3", "26T19:00", "26T19:30", zone="UTC-03:00"),
    E.sure(
        "+05:30", "schedule Retro tomorrow 3pm +05:30", "26T10:30", "26T11:00", zone="UTC+05:30"
    ),
    E.sure(
        "brt", "schedule Retro tomorrow 10am BRT", "26T14:00", "26T14:30", zone="America/Sao_Paulo"
    ),
    E.sure("jst", "schedule Retro tomorrow 10am JST", "26T02:00", "26T02:30", zone="Asia/Tokyo"),
    E.sure(
        "london-time",
        "schedule Retro tomorrow 3pm London time",
        "26T16:00",
        "26T16:30",
        zone="Europe/London",
    ),
    E.sure(
        "in-new-york-time",
        "schedule Retro tomorrow 3pm in New York time",
        "26T21:00",
        "26T21:30",
        zone=NY,
    ),
    E.sure(
        "eastern-time", "schedule Retro tomorrow 3pm eastern time", "26T21:00", "26T21:30", zone=NY
    ),
    E.unsure(
        "bare-hour-in-another-zone",
        "schedule Retro tomorrow at 10 ET",
        "26T16:00",
        "26T16:30",
        ("am_pm",),
        zone=NY,
        confirm="“at 10” could be 10:00 or 22:00; I read 10:00",
    ),
    E.refused(
        "two-zones",
        "schedule Retro tomorrow 10am EST PST",
        "schedule",
        "I found two time zones, “EST” and “PST”",
    ),
    E.sure(
        "zone-before-the-day",
        "schedule Retro CET tomorrow 10am",
        "26T10:00",
        "26T10:30",
        zone="Europe/Paris",
    ),
    E.sure("range-in-pt", "schedule Retro tomorrow 9-10am PT", "26T18:00", "26T19:00", zone=LA),
    E.sure(
        "us-summer-time-before-europe",
        "schedule Retro Mar 20 9am ET",
        "2027-03-20T14:00",
        "2027-03-20T14:30",
        zone=NY,
    ),
    E.sure(
        "meeting-with-a-zone",
        "meeting Retro tomorrow 9am PT",
        "26T18:00",
        "26T18:30",
        kind="meeting",
        zone=LA,
    ),
    E.sure(
        "it-is-not-a-zone", "schedule IT review tomorrow 3pm", "26T15:00", "26T15:30", "IT review"
    ),
]

ROWS = ZONES


@pytest.mark.parametrize(FIELDS, ROWS)
def test_english_zones(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
