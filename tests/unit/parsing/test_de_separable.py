"""German separable verbs (issue 11): "Plane ... ein", "Setz ... an", "lade ... ein". The verb's
particle ends the sentence; it is part of the command, never of the subject."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

D = Lang("de-DE", "Europe/Berlin", "+01:00", "Budget-Review")
AT = Lang("de-AT", "Europe/Vienna", "+01:00", "Budget-Review")
T15, T1530 = "26T15:00", "26T15:30"

ROWS = [
    D.sure("plane-ein", "Plane Budget-Review morgen um 15 Uhr ein", T15, T1530),
    D.sure("plan-ein", "plan Budget-Review morgen 15 Uhr ein", T15, T1530),
    D.sure("plane-das-ein", "Plane das Budget-Review morgen um 15 Uhr ein", T15, T1530),
    D.sure("bitte-plane-ein", "Bitte plane Budget-Review morgen um 15 Uhr ein", T15, T1530),
    D.sure("plane-ein-danke", "Plane Budget-Review morgen um 15 Uhr ein, danke", T15, T1530),
    D.sure(
        "plane-ein-mit",
        "Plane morgen um 15 Uhr ein Meeting mit anna@x.de ein",
        T15,
        T1530,
        "Meeting mit Anna",
        "anna@x.de",
    ),
    D.sure("setz-an", "Setz Budget-Review morgen um 15 Uhr an", T15, T1530),
    D.sure("setze-das-an", "Setze das Budget-Review morgen um 15 Uhr an", T15, T1530),
    D.unsure(
        "setz-ein-meeting-an",
        "Setz ein Meeting morgen um 10 an",
        "26T10:00",
        "26T10:30",
        ("am_pm",),
        None,
    ),
    D.sure("setz-auf", "setz Budget-Review morgen um 15 Uhr auf", T15, T1530),
    D.sure("lege-an", "Lege Budget-Review morgen um 15 Uhr an", T15, T1530),
    D.sure("trag-ein", "Trag das Budget-Review morgen um 15 Uhr ein", T15, T1530),
    D.sure("trage-ein", "trage Budget-Review morgen 15 Uhr ein", T15, T1530),
    D.sure("richte-ein", "Richte Budget-Review morgen um 15 Uhr ein", T15, T1530),
    D.sure(
        "mach-aus",
        "Mach einen Termin mit anna@x.de morgen um 15 Uhr aus",
        T15,
        T1530,
        "Meeting mit Anna",
        "anna@x.de",
    ),
    D.sure("lade-name-ein", "lade Anna zum Sync morgen 15 Uhr ein", T15, T1530, "Sync mit Anna"),
    D.sure(
        "lade-adresse-ein",
        "lade anna@x.de zum Sync morgen 15 Uhr ein",
        T15,
        T1530,
        "Sync",
        "anna@x.de",
    ),
    D.sure(
        "lad-zwei-zur-retro",
        "Lad anna@x.de und ben@x.de zur Retro am Freitag um 15 Uhr ein",
        "27T15:00",
        "27T15:30",
        "Retro",
        "anna@x.de",
        "ben@x.de",
    ),
    D.unsure(
        "ich-moechte-ansetzen",
        "Ich möchte morgen um 10 ein Meeting ansetzen",
        "26T10:00",
        "26T10:30",
        ("am_pm",),
        None,
    ),
    D.sure(
        "kannst-du-ansetzen",
        "Kannst du morgen um 15 Uhr ein Meeting ansetzen?",
        T15,
        T1530,
        None,
    ),
    AT.sure("oesterreich-plane-ein", "Plane Budget-Review morgen um 15 Uhr ein", T15, T1530),
    D.sure("ohne-partikel", "Plane Budget-Review morgen um 15 Uhr", T15, T1530),
    D.sure("plane-die", "Plane die Retro morgen um 15 Uhr", T15, T1530, "Retro"),
    D.refused("plane-ein-ohne-zeit", "Plane Budget-Review ein", "schedule", "Wann soll es"),
]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_german_separable_verbs(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
