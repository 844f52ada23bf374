"""German commands and chat (issue 11): Meeting jetzt / planen / meine Termine / absagen and
their synonyms, the verb at the end ("... morgen um 10 planen?"), questions for the agenda,
zones, attendees, typos and refusals."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

D = Lang("de-DE", "Europe/Berlin", "+01:00", "Budget-Review")
AT = Lang("de-AT", "Europe/Vienna", "+01:00", "Budget-Review")
NOW, HALF = "25T10:00", "25T10:30"
EX = "planen Budget-Review morgen um 15 Uhr für 30 Min"

COMMANDS = [
    D.sure("meeting-jetzt", "Meeting jetzt", NOW, HALF, None, kind="meet_now"),
    D.sure(
        "meeting-jetzt-45",
        "Meeting jetzt Abstimmung für 45 Minuten",
        NOW,
        "25T10:45",
        "Abstimmung",
        kind="meet_now",
    ),
    D.sure("besprechung-jetzt", "Besprechung jetzt", NOW, HALF, None, kind="meet_now"),
    D.sure(
        "call-jetzt-mit",
        "Call jetzt mit anna@x.de",
        NOW,
        HALF,
        "Meeting mit Anna",
        "anna@x.de",
        kind="meet_now",
    ),
    D.sure("sofort-meeting", "Sofort-Meeting Abstimmung", NOW, HALF, "Abstimmung", kind="meet_now"),
    D.sure(
        "meeting-morgen",
        "Meeting Planung morgen um 16 Uhr",
        "26T16:00",
        "26T16:30",
        "Planung",
        kind="meeting",
    ),
    D.sure("link", "Link für Budget-Review", NOW, HALF, kind="meeting"),
    D.sure("teams-link", "Teams-Link Budget-Review", NOW, HALF, kind="meeting"),
    D.sure("einplanen", "einplanen Budget-Review morgen um 15 Uhr", "26T15:00", "26T15:30"),
    D.sure("vereinbare", "vereinbare Budget-Review morgen um 15 Uhr", "26T15:00", "26T15:30"),
    D.sure("termin", "Termin Zahnarzt morgen um 15 Uhr", "26T15:00", "26T15:30", "Zahnarzt"),
    D.sure("buche", "buche Budget-Review morgen um 15 Uhr", "26T15:00", "26T15:30"),
    D.sure("planen-allein", "planen", None, None, None),
    D.sure("ein-meeting-planen-allein", "planen ein Meeting", None, None, None),
    D.day("meine-termine-morgen", "meine Termine morgen", "26", "27"),
    D.sure("meine-termine", "meine Termine", NOW, "12-02T10:00", None, kind="list"),
    D.day("kalender-heute", "Kalender heute", "25", "26"),
    D.day("diese-woche", "meine Termine diese Woche", "23", "30"),
    D.day("naechste-woche", "meine Termine nächste Woche", "30", "12-07"),
    D.day("termine-am-freitag", "meine Termine am Freitag", "27", "28"),
    D.day("was-habe-ich-morgen", "was habe ich morgen?", "26", "27"),
    D.day("was-hab-ich-heute", "was hab ich heute", "25", "26"),
    D.day("was-habe-ich-am-montag", "was habe ich am Montag", "30", "12-01"),
    D.sure("absagen", "absagen Budget-Review", None, None, kind="cancel"),
    D.sure("verb-am-ende-absagen", "Budget-Review absagen", None, None, kind="cancel"),
    D.sure("sag-ab", "sag das Meeting Budget-Review ab", None, None, kind="cancel"),
    D.sure("loeschen", "lösche den Termin Budget-Review", None, None, kind="cancel"),
    D.sure("stornieren", "stornieren Budget-Review", None, None, kind="cancel"),
    D.sure("hilfe", "Hilfe", None, None, None, kind="help"),
    D.sure("befehle", "Befehle", None, None, None, kind="help"),
]

CHAT = [
    D.sure(
        "kannst-du-planen-am-ende",
        "Kannst du bitte ein Meeting mit anna@x.de und ben@x.de morgen um 10 Uhr planen?",
        "26T10:00",
        "26T10:30",
        "Meeting mit Anna und Ben",
        "anna@x.de",
        "ben@x.de",
    ),
    D.sure(
        "lass-uns-planen", "lass uns Budget-Review morgen um 15 Uhr planen", "26T15:00", "26T15:30"
    ),
    D.sure("bitte-vorne", "bitte planen Budget-Review morgen um 15 Uhr", "26T15:00", "26T15:30"),
    D.sure("danke", "planen Budget-Review morgen um 15 Uhr, danke", "26T15:00", "26T15:30"),
    D.sure(
        "vielen-dank", "planen Budget-Review morgen um 15 Uhr vielen Dank", "26T15:00", "26T15:30"
    ),
    D.sure("hallo-bot", "Hallo Bot, planen Budget-Review morgen um 15 Uhr", "26T15:00", "26T15:30"),
    D.sure(
        "ich-moechte", "ich möchte Budget-Review morgen um 15 Uhr einplanen", "26T15:00", "26T15:30"
    ),
    D.unsure(
        "koennen-wir",
        "können wir einen Termin morgen um 10 machen?",
        "26T10:00",
        "26T10:30",
        ("am_pm",),
        None,
    ),
]

PEOPLE = [
    D.sure(
        "zwei-adressen-und",
        "planen Budget-Review mit anna@x.de und ben@x.de morgen um 15 Uhr",
        "26T15:00",
        "26T15:30",
        "Budget-Review",
        "anna@x.de",
        "ben@x.de",
    ),
    D.sure(
        "drei-adressen",
        "planen Budget-Review mit anna@x.de, ben@x.de und carl@x.de morgen um 15 Uhr",
        "26T15:00",
        "26T15:30",
        "Budget-Review",
        "anna@x.de",
        "ben@x.de",
        "carl@x.de",
    ),
    D.sure(
        "cc",
        "planen Budget-Review morgen um 15 Uhr cc anna@x.de",
        "26T15:00",
        "26T15:30",
        "Budget-Review",
        "anna@x.de",
    ),
    D.sure("mit-allen", "planen Budget-Review morgen um 15 Uhr mit allen", "26T15:00", "26T15:30"),
    D.sure(
        "ohne-betreff",
        "planen mit anna@x.de morgen um 15 Uhr",
        "26T15:00",
        "26T15:30",
        "Meeting mit Anna",
        "anna@x.de",
    ),
    D.sure(
        "erwaehnungen",
        "planen Budget-Review mit <at>Ann Lee</at> und <at>Bob</at> morgen um 15 Uhr",
        "26T15:00",
        "26T15:30",
        "Budget-Review",
        "29:ann",
        "29:bob",
    ),
    D.sure(
        "mittagessen-mit-marketing",
        "planen Mittagessen mit Marketing morgen um 12 Uhr",
        "26T12:00",
        "26T12:30",
        "Mittagessen mit Marketing",
    ),
    D.sure(
        "frist-der-17-uhr",
        "planen Besprechung der 17-Uhr-Frist morgen um 10 Uhr",
        "26T10:00",
        "26T10:30",
        "Besprechung der 17-Uhr-Frist",
    ),
    D.sure(
        "betreff-in-anfuehrungszeichen",
        "planen „Montagsplanung“ morgen um 15 Uhr",
        "26T15:00",
        "26T15:30",
        "Montagsplanung",
    ),
]

ZONES = [
    D.sure(
        "mez",
        "planen Budget-Review morgen um 10 Uhr MEZ",
        "26T10:00",
        "26T10:30",
        zone="Europe/Berlin",
    ),
    D.sure(
        "londoner-zeit",
        "planen Budget-Review morgen um 10 Uhr Londoner Zeit",
        "26T11:00",
        "26T11:30",
        zone="Europe/London",
    ),
    D.sure(
        "new-yorker-zeit",
        "planen Budget-Review morgen um 10 Uhr New Yorker Zeit",
        "26T16:00",
        "26T16:30",
        zone="America/New_York",
    ),
    D.sure(
        "est",
        "planen Budget-Review morgen um 10 Uhr EST",
        "26T16:00",
        "26T16:30",
        zone="America/New_York",
    ),
    D.sure(
        "pst",
        "planen Budget-Review morgen um 9 Uhr PST",
        "26T18:00",
        "26T18:30",
        zone="America/Los_Angeles",
    ),
    D.sure("utc", "planen Budget-Review morgen um 14 Uhr UTC", "26T15:00", "26T15:30", zone="UTC"),
    D.sure(
        "utc+3",
        "planen Budget-Review morgen um 17 Uhr UTC+3",
        "26T15:00",
        "26T15:30",
        zone="UTC+03:00",
    ),
    D.sure(
        "jst",
        "planen Budget-Review morgen um 23 Uhr JST",
        "26T15:00",
        "26T15:30",
        zone="Asia/Tokyo",
    ),
    D.unsure(
        "ist",
        "planen Budget-Review morgen um 19:30 Uhr IST",
        "26T15:00",
        "26T15:30",
        ("zone",),
        zone="Asia/Kolkata",
    ),
    AT.sure(
        "wiener-zeit-aus-wien",
        "planen Budget-Review morgen um 10 Uhr Wiener Zeit",
        "26T10:00",
        "26T10:30",
        zone="Europe/Vienna",
    ),
    D.refused(
        "zwei-zonen", "planen Budget-Review morgen um 10 Uhr MEZ EST", "schedule", "zwei Zeitzonen"
    ),
]

TYPOS_AND_REFUSALS = [
    D.unsure(
        "plnen",
        "plnen Budget-Review morgen um 15 Uhr",
        "26T15:00",
        "26T15:30",
        ("command",),
        confirm="Ich habe „plnen“ als Befehl „planen“ gelesen",
    ),
    D.unsure("meeting-jtzt", "Meeting jtzt", NOW, HALF, ("command",), None, kind="meet_now"),
    D.unsure("absgaen", "absgaen Budget-Review", None, None, ("command",), kind="cancel"),
    D.refused(
        "nicht-verstanden",
        "guten Morgen zusammen",
        "unknown",
        "Ich habe „guten Morgen zusammen“ nicht",
    ),
    D.refused("absagen-was", "absagen", "cancel", "Welches Meeting soll ich absagen?"),
    D.refused(
        "jetzt-mit-zeit",
        "Meeting jetzt morgen um 15 Uhr",
        "meet_now",
        "„Meeting jetzt“ beginnt sofort, daher kann ich „morgen um 15 Uhr“ nicht verwenden",
    ),
    D.refused(
        "unbekannte-erwaehnung",
        "planen Budget-Review mit <at>Zed</at> morgen um 15 Uhr",
        "schedule",
        "„Zed“ in diesem Chat niemandem zuordnen",
    ),
    D.refused("liste-unklar", "meine Termine bla", "list", "aber „bla“ habe ich nicht verstanden"),
    D.refused(
        "zwei-daten",
        "planen Budget-Review Montag morgen um 15 Uhr übermorgen",
        "schedule",
        "zwei Daten",
    ),
    D.refused(
        "dauer-ohne-einheit",
        "planen Budget-Review morgen um 15 Uhr für 5",
        "schedule",
        "Ich konnte die Dauer in „für 5“ nicht lesen",
    ),
    D.refused(
        "englisch-wird-englisch-beantwortet",
        "schedule X yesterday 3pm",
        "schedule",
        "“yesterday 3pm” is in the past. Pick a time from now on, "
        "e.g. schedule Budget review tomorrow 3pm for 30m",
    ),
]

ROWS = [*COMMANDS, *CHAT, *PEOPLE, *ZONES, *TYPOS_AND_REFUSALS]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_german_chat(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
