"""German times (issue 11): Tage, Uhrzeiten ("15 Uhr", "halb vier"), Kurzformen und Tippfehler,
Dauer, Zeiträume, Wochentage und Daten ("3.12."); each row sure, unsure or refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import DEC31, FIELDS, FRI, NOV30, Lang, check

D = Lang("de-DE", "Europe/Berlin", "+01:00", "Budget-Review")
AMPM = ("am_pm",)
FIXED = ("corrected",)
WEEK = ("weekday",)

DAYS_AND_HOURS = [
    D.sure("morgen-15-uhr", "planen Budget-Review morgen um 15 Uhr", "26T15:00", "26T15:30"),
    D.sure("morgen-15:30", "planen Budget-Review morgen um 15:30", "26T15:30", "26T16:00"),
    D.sure("15.30-uhr", "planen Budget-Review morgen um 15.30 Uhr", "26T15:30", "26T16:00"),
    D.sure("15-uhr-30", "planen Budget-Review morgen um 15 Uhr 30", "26T15:30", "26T16:00"),
    D.sure("heute-16-uhr", "planen Budget-Review heute um 16 Uhr", "25T16:00", "25T16:30"),
    D.sure("uebermorgen", "planen Budget-Review übermorgen um 10 Uhr", "27T10:00", "27T10:30"),
    D.sure("morgen-frueh", "planen Budget-Review morgen früh", "26T09:00", "26T09:30"),
    D.sure("heute-nachmittag", "planen Budget-Review heute Nachmittag", "25T14:00", "25T14:30"),
    D.sure("heute-abend", "planen Budget-Review heute Abend", "25T18:00", "25T18:30"),
    D.sure("morgen-vormittag", "planen Budget-Review morgen Vormittag", "26T09:00", "26T09:30"),
    D.sure("montag-morgen-um-9", "planen Budget-Review Montag morgen um 9", "30T09:00", "30T09:30"),
    D.sure("mittags", "planen Budget-Review morgen mittags", "26T12:00", "26T12:30"),
    D.sure("mitternacht", "planen Budget-Review morgen um Mitternacht", "26T00:00", "26T00:30"),
    D.sure("feierabend", "planen Budget-Review morgen zum Feierabend", "26T17:00", "26T17:30"),
    D.sure("um-1700", "planen Budget-Review morgen um 1700", "26T17:00", "26T17:30"),
    D.sure("15h", "planen Budget-Review morgen um 15h", "26T15:00", "26T15:30"),
    D.sure("um-9-uhr", "planen Budget-Review morgen um 9 Uhr", "26T09:00", "26T09:30"),
    D.unsure(
        "um-5",
        "planen Budget-Review um 5",
        "25T17:00",
        "25T17:30",
        AMPM,
        confirm="„um 5“ kann 05:00 oder 17:00 sein; ich habe 17:00 verstanden",
    ),
    D.unsure("um-10", "planen Budget-Review morgen um 10", "26T10:00", "26T10:30", AMPM),
    D.unsure("um-5-am-30", "planen Budget-Review um 5", "30T17:00", "30T17:30", AMPM, now=NOV30),
    D.unsure("um-3-uhr", "planen Budget-Review morgen um 3 Uhr", "26T15:00", "26T15:30", AMPM),
    D.unsure("halb-vier", "planen Budget-Review morgen um halb vier", "26T15:30", "26T16:00", AMPM),
    D.unsure("halb-4", "planen Budget-Review morgen um halb 4", "26T15:30", "26T16:00", AMPM),
    D.unsure(
        "viertel-nach-drei",
        "planen Budget-Review morgen um Viertel nach drei",
        "26T15:15",
        "26T15:45",
        AMPM,
    ),
    D.unsure(
        "viertel-vor-elf",
        "planen Budget-Review morgen um Viertel vor elf",
        "26T10:45",
        "26T11:15",
        AMPM,
    ),
    D.unsure("um-elf", "planen Budget-Review morgen um elf", "26T11:00", "26T11:30", AMPM),
    D.sure("jetzt", "Meeting Budget-Review jetzt", "25T10:00", "25T10:30", kind="meeting"),
    D.sure("in-2-stunden", "planen Budget-Review in 2 Stunden", "25T12:00", "25T12:30"),
    D.sure("in-30-minuten", "planen Budget-Review in 30 Minuten", "25T10:30", "25T11:00"),
    D.sure("in-einer-stunde", "planen Budget-Review in einer Stunde", "25T11:00", "25T11:30"),
    D.unsure(
        "morgn",
        "planen Budget-Review morgn um 15 Uhr",
        "26T15:00",
        "26T15:30",
        FIXED,
        confirm="Ich habe „morgn“ als „morgen“ gelesen",
    ),
    D.unsure("mogren", "planen Budget-Review mogren um 15 Uhr", "26T15:00", "26T15:30", FIXED),
    D.unsure("freitga", "planen Budget-Review Freitga um 15 Uhr", "27T15:00", "27T15:30", FIXED),
    D.unsure(
        "donnerstg", "planen Budget-Review Donnerstg um 15 Uhr", "26T15:00", "26T15:30", FIXED
    ),
]

DURATIONS = [
    D.sure(
        "fuer-45-minuten",
        "planen Budget-Review morgen um 15 Uhr für 45 Minuten",
        "26T15:00",
        "26T15:45",
    ),
    D.sure(
        "fuer-eine-stunde",
        "planen Budget-Review morgen um 15 Uhr für eine Stunde",
        "26T15:00",
        "26T16:00",
    ),
    D.sure(
        "anderthalb-stunden",
        "planen Budget-Review morgen um 15 Uhr für anderthalb Stunden",
        "26T15:00",
        "26T16:30",
    ),
    D.sure(
        "eine-halbe-stunde",
        "planen Budget-Review morgen um 15 Uhr eine halbe Stunde",
        "26T15:00",
        "26T15:30",
    ),
    D.sure("1,5-std", "planen Budget-Review morgen um 15 Uhr für 1,5 Std", "26T15:00", "26T16:30"),
    D.sure("2h15", "planen Budget-Review morgen um 15 Uhr für 2h15", "26T15:00", "26T17:15"),
    D.sure(
        "90-minuten-ohne-fuer",
        "planen Budget-Review morgen um 15 Uhr 90 Minuten",
        "26T15:00",
        "26T16:30",
    ),
    D.sure(
        "viertelstunde",
        "planen Budget-Review morgen um 15 Uhr eine Viertelstunde",
        "26T15:00",
        "26T15:15",
    ),
    D.unsure(
        "fuer-45",
        "planen Budget-Review morgen um 15 Uhr für 45",
        "26T15:00",
        "26T15:45",
        ("no_unit",),
    ),
    D.refused(
        "null-minuten",
        "planen Budget-Review morgen um 15 Uhr für 0 Minuten",
        "schedule",
        "zwischen 1 Minute und 24 Stunden dauern",
    ),
    D.refused(
        "negative-minuten",
        "planen Budget-Review morgen um 15 Uhr für -30 Minuten",
        "schedule",
        "zwischen 1 Minute und 24 Stunden dauern",
    ),
    D.refused(
        "zwei-dauern",
        "planen Budget-Review morgen um 15 Uhr für 30 Minuten für 1 Stunde",
        "schedule",
        "zwei Dauern",
    ),
]

RANGES = [
    D.sure(
        "von-10-bis-11-uhr", "planen Budget-Review morgen von 10 bis 11 Uhr", "26T10:00", "26T11:00"
    ),
    D.sure("15-17-uhr", "planen Budget-Review morgen 15-17 Uhr", "26T15:00", "26T17:00"),
    D.sure(
        "von-15:00-bis-16:30",
        "planen Budget-Review morgen von 15:00 bis 16:30",
        "26T15:00",
        "26T16:30",
    ),
    D.sure(
        "zwischen-14-und-15-uhr",
        "planen Budget-Review morgen zwischen 14 und 15 Uhr",
        "26T14:00",
        "26T15:00",
    ),
    D.sure(
        "von-10-bis-mittag", "planen Budget-Review morgen von 10 bis Mittag", "26T10:00", "26T12:00"
    ),
    D.sure(
        "22-bis-1-uhr", "planen Budget-Review morgen von 22:00 bis 01:00", "26T22:00", "27T01:00"
    ),
    D.unsure(
        "von-10-bis-11", "planen Budget-Review morgen von 10 bis 11", "26T10:00", "26T11:00", AMPM
    ),
    D.refused(
        "ende-vor-beginn",
        "planen Budget-Review morgen von 17 bis 15 Uhr",
        "schedule",
        "würde das Meeting enden, bevor es beginnt",
    ),
    D.refused(
        "zeitraum-und-dauer",
        "planen Budget-Review morgen von 15 bis 16 Uhr für 30 Minuten",
        "schedule",
        "bitte nur eins davon",
    ),
]

WEEKDAYS = [
    D.sure("am-freitag", "planen Budget-Review am Freitag um 10 Uhr", "27T10:00", "27T10:30"),
    D.sure("montag", "planen Budget-Review Montag um 10 Uhr", "30T10:00", "30T10:30"),
    D.sure("mo-abgekuerzt", "planen Budget-Review Mo um 10 Uhr", "30T10:00", "30T10:30"),
    D.sure(
        "naechsten-dienstag",
        "planen Budget-Review nächsten Dienstag um 10 Uhr",
        "12-01T10:00",
        "12-01T10:30",
    ),
    D.unsure(
        "naechsten-donnerstag",
        "planen Budget-Review nächsten Donnerstag um 10 Uhr",
        "26T10:00",
        "26T10:30",
        WEEK,
    ),
    D.unsure(
        "kommenden-freitag",
        "planen Budget-Review am kommenden Freitag um 10 Uhr",
        "27T10:00",
        "27T10:30",
        WEEK,
    ),
    D.sure(
        "dienstag-naechste-woche",
        "planen Budget-Review Dienstag nächste Woche um 10 Uhr",
        "12-01T10:00",
        "12-01T10:30",
    ),
    D.sure(
        "naechste-woche-dienstag",
        "planen Budget-Review nächste Woche Dienstag um 10 Uhr",
        "12-01T10:00",
        "12-01T10:30",
    ),
    D.unsure(
        "freitag-an-einem-freitag",
        "planen Budget-Review am Freitag um 15 Uhr",
        "27T15:00",
        "27T15:30",
        WEEK,
        now=FRI,
        confirm="„am Freitag“ kann diese oder nächste Woche sein; ich habe Freitag, 27. November",
    ),
    D.sure(
        "diesen-mittwoch", "planen Budget-Review diesen Mittwoch um 15 Uhr", "25T15:00", "25T15:30"
    ),
    D.unsure(
        "mittwoch-9-uhr-vorbei",
        "planen Budget-Review Mittwoch um 9 Uhr",
        "12-02T09:00",
        "12-02T09:30",
        WEEK,
    ),
    D.refused(
        "letzten-freitag",
        "planen Budget-Review letzten Freitag um 10 Uhr",
        "schedule",
        "liegt in der Vergangenheit",
    ),
    D.sure(  # today is Wednesday the 25th: next week's Monday is the 30th, the one after the 7th
        "uebernaechsten-montag",
        "planen Budget-Review übernächsten Montag um 10 Uhr",
        "12-07T10:00",
        "12-07T10:30",
    ),
    D.sure(
        "uebernaechsten-ohne-umlaut",
        "planen Budget-Review uebernaechsten Mittwoch um 10 Uhr",
        "12-09T10:00",
        "12-09T10:30",
    ),
    D.sure(
        "naechsten-ohne-umlaut",
        "planen Budget-Review naechsten Dienstag um 10 Uhr",
        "12-01T10:00",
        "12-01T10:30",
    ),
    D.sure(
        "montag-naechster-woche",
        "planen Budget-Review Montag nächster Woche um 10 Uhr",
        "30T10:00",
        "30T10:30",
    ),
    D.sure(
        "uebermorgen-ohne-umlaut",
        "planen Budget-Review uebermorgen um 10 Uhr",
        "27T10:00",
        "27T10:30",
    ),
    D.refused(
        "gestern",
        "planen Budget-Review gestern um 15 Uhr",
        "schedule",
        "„gestern um 15 Uhr“ liegt in der Vergangenheit",
    ),
]

DATES = [
    D.sure(
        "5-januar",
        "planen Budget-Review am 5. Januar um 10 Uhr",
        "2027-01-05T10:00",
        "2027-01-05T10:30",
    ),
    D.sure("3.12.", "planen Budget-Review am 3.12. um 10 Uhr", "12-03T10:00", "12-03T10:30"),
    D.sure(
        "03.12.2026", "planen Budget-Review am 03.12.2026 um 10 Uhr", "12-03T10:00", "12-03T10:30"
    ),
    D.sure(
        "am-3.12-ohne-punkt", "planen Budget-Review am 3.12 um 10 Uhr", "12-03T10:00", "12-03T10:30"
    ),
    D.sure(
        "4/5-tag-zuerst",
        "planen Budget-Review 4/5 um 10 Uhr",
        "2027-05-04T10:00:00+02:00",
        "2027-05-04T10:30:00+02:00",
    ),
    D.sure(
        "iso", "planen Budget-Review 2027-01-05 um 10 Uhr", "2027-01-05T10:00", "2027-01-05T10:30"
    ),
    D.sure("3-dez", "planen Budget-Review 3. Dez um 10 Uhr", "12-03T10:00", "12-03T10:30"),
    D.sure(
        "2-januar-am-31",
        "planen Budget-Review am 2. Januar um 10 Uhr",
        "2027-01-02T10:00",
        "2027-01-02T10:30",
        now=DEC31,
    ),
    D.refused(
        "31-april", "planen Budget-Review am 31. April um 10 Uhr", "schedule", "„am 31. April“"
    ),
    D.refused(
        "25-uhr", "planen Budget-Review morgen um 25 Uhr", "schedule", "Ich konnte die Uhrzeit"
    ),
    D.unsure(
        "mehr-als-ein-jahr",
        "planen Budget-Review am 5. Januar 2028 um 10 Uhr",
        "2028-01-05T10:00",
        "2028-01-05T10:30",
        ("far_ahead",),
        confirm="Mittwoch, 5. Januar 2028 ist mehr als ein Jahr entfernt",
    ),
    D.refused(
        "tag-ohne-uhrzeit", "planen Budget-Review morgen", "schedule", "„morgen“ hat keine Uhrzeit"
    ),
    D.refused("ohne-zeit", "planen Budget-Review", "schedule", "Wann soll es losgehen?"),
]

ROWS = [*DAYS_AND_HOURS, *DURATIONS, *RANGES, *WEEKDAYS, *DATES]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_german_times(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
