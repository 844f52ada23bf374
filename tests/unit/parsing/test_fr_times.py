"""French times (issue 11): jours, heures ("15h30", "3 heures de l'après-midi", "et demie"),
abréviations et fautes de frappe, durées, plages, jours de la semaine et dates."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import DEC31, FIELDS, FRI, NOV30, Lang, check

F = Lang("fr-FR", "Europe/Paris", "+01:00", "Revue budget")
AMPM = ("am_pm",)
FIXED = ("corrected",)
WEEK = ("weekday",)

DAYS_AND_HOURS = [
    F.sure("demain-15h", "planifier Revue budget demain à 15h", "26T15:00", "26T15:30"),
    F.sure("demain-15h30", "planifier Revue budget demain à 15h30", "26T15:30", "26T16:00"),
    F.sure("15:30", "planifier Revue budget demain à 15:30", "26T15:30", "26T16:00"),
    F.sure("15-heures", "planifier Revue budget demain à 15 heures", "26T15:00", "26T15:30"),
    F.sure("aujourdhui-16h", "planifier Revue budget aujourd'hui à 16h", "25T16:00", "25T16:30"),
    F.sure(
        "aujourdhui-apostrophe-courbe",
        "planifier Revue budget aujourd’hui à 16h",
        "25T16:00",
        "25T16:30",
    ),
    F.sure("apres-demain", "planifier Revue budget après-demain à 10h", "27T10:00", "27T10:30"),
    F.sure("demain-matin", "planifier Revue budget demain matin", "26T09:00", "26T09:30"),
    F.sure("cet-apres-midi", "planifier Revue budget cet après-midi", "25T14:00", "25T14:30"),
    F.sure("ce-soir", "planifier Revue budget ce soir", "25T18:00", "25T18:30"),
    F.sure("demain-apres-midi", "planifier Revue budget demain après-midi", "26T14:00", "26T14:30"),
    F.sure(
        "3h-de-lapres-midi",
        "planifier Revue budget demain à 3 heures de l'après-midi",
        "26T15:00",
        "26T15:30",
    ),
    F.sure("9h-du-matin", "planifier Revue budget demain à 9h du matin", "26T09:00", "26T09:30"),
    F.sure("8h-du-soir", "planifier Revue budget demain à 8h du soir", "26T20:00", "26T20:30"),
    F.sure("midi", "planifier Revue budget demain à midi", "26T12:00", "26T12:30"),
    F.sure("minuit", "planifier Revue budget demain à minuit", "26T00:00", "26T00:30"),
    F.sure(
        "fin-de-journee", "planifier Revue budget demain en fin de journée", "26T17:00", "26T17:30"
    ),
    F.sure(
        "15-heures-et-demie",
        "planifier Revue budget demain à 15 heures et demie",
        "26T15:30",
        "26T16:00",
    ),
    F.sure("15h-et-quart", "planifier Revue budget demain à 15h et quart", "26T15:15", "26T15:45"),
    F.sure("10h", "planifier Revue budget demain à 10h", "26T10:00", "26T10:30"),
    F.sure("a-1700", "planifier Revue budget demain à 1700", "26T17:00", "26T17:30"),
    F.unsure(
        "a-5",
        "planifier Revue budget à 5",
        "25T17:00",
        "25T17:30",
        AMPM,
        confirm="« à 5 » peut être 05:00 ou 17:00 ; j'ai compris 17:00",
    ),
    F.unsure("a-10", "planifier Revue budget demain à 10", "26T10:00", "26T10:30", AMPM),
    F.unsure("a-5-le-30", "planifier Revue budget à 5", "30T17:00", "30T17:30", AMPM, now=NOV30),
    F.unsure("a-3h", "planifier Revue budget demain à 3h", "26T15:00", "26T15:30", AMPM),
    F.unsure(
        "trois-heures-et-demie",
        "planifier Revue budget demain à trois heures et demie",
        "26T15:30",
        "26T16:00",
        AMPM,
    ),
    F.unsure(
        "cinq-heures-moins-le-quart",
        "planifier Revue budget demain à cinq heures moins le quart",
        "26T16:45",
        "26T17:15",
        AMPM,
    ),
    F.unsure(
        "a-onze-heures", "planifier Revue budget demain à onze heures", "26T11:00", "26T11:30", AMPM
    ),
    F.sure("maintenant", "réunion Revue budget maintenant", "25T10:00", "25T10:30", kind="meeting"),
    F.sure(
        "tout-de-suite",
        "réunion Revue budget tout de suite",
        "25T10:00",
        "25T10:30",
        kind="meeting",
    ),
    F.sure("dans-2-heures", "planifier Revue budget dans 2 heures", "25T12:00", "25T12:30"),
    F.sure("dans-30-minutes", "planifier Revue budget dans 30 minutes", "25T10:30", "25T11:00"),
    F.sure("dans-une-heure", "planifier Revue budget dans une heure", "25T11:00", "25T11:30"),
    F.unsure(
        "demian",
        "planifier Revue budget demian à 15h",
        "26T15:00",
        "26T15:30",
        FIXED,
        confirm="J'ai lu « demian » comme « demain »",
    ),
    F.unsure("dmain", "planifier Revue budget dmain à 15h", "26T15:00", "26T15:30", FIXED),
    F.unsure("venrdedi", "planifier Revue budget venrdedi à 15h", "27T15:00", "27T15:30", FIXED),
    F.unsure("lnudi", "planifier Revue budget lnudi à 15h", "30T15:00", "30T15:30", FIXED),
]

DURATIONS = [
    F.sure(
        "pendant-45-min",
        "planifier Revue budget demain à 15h pendant 45 min",
        "26T15:00",
        "26T15:45",
    ),
    F.sure(
        "pendant-une-heure",
        "planifier Revue budget demain à 15h pendant une heure",
        "26T15:00",
        "26T16:00",
    ),
    F.sure(
        "une-heure-et-demie",
        "planifier Revue budget demain à 15h pendant une heure et demie",
        "26T15:00",
        "26T16:30",
    ),
    F.sure(
        "une-demi-heure",
        "planifier Revue budget demain à 15h une demi-heure",
        "26T15:00",
        "26T15:30",
    ),
    F.sure("1,5-h", "planifier Revue budget demain à 15h pendant 1,5 h", "26T15:00", "26T16:30"),
    F.sure("2h15", "planifier Revue budget demain à 15h pendant 2h15", "26T15:00", "26T17:15"),
    F.sure(
        "45-minutes-sans-pendant",
        "planifier Revue budget demain à 15h 45 minutes",
        "26T15:00",
        "26T15:45",
    ),
    F.sure(
        "quart-dheure",
        "planifier Revue budget demain à 15h un quart d'heure",
        "26T15:00",
        "26T15:15",
    ),
    F.unsure(
        "pendant-45",
        "planifier Revue budget demain à 15h pendant 45",
        "26T15:00",
        "26T15:45",
        ("no_unit",),
    ),
    F.refused(
        "zero-minute",
        "planifier Revue budget demain à 15h pendant 0 minute",
        "schedule",
        "doit durer entre 1 minute et 24 heures",
    ),
    F.refused(
        "minutes-negatives",
        "planifier Revue budget demain à 15h pendant -30 minutes",
        "schedule",
        "doit durer entre 1 minute et 24 heures",
    ),
    F.refused(
        "deux-durees",
        "planifier Revue budget demain à 15h pendant 30 min pendant 1 heure",
        "schedule",
        "deux durées",
    ),
]

RANGES = [
    F.sure("de-10h-a-11h", "planifier Revue budget demain de 10h à 11h", "26T10:00", "26T11:00"),
    F.sure(
        "de-15:00-a-16:30", "planifier Revue budget demain de 15:00 à 16:30", "26T15:00", "26T16:30"
    ),
    F.sure(
        "entre-14h-et-15h", "planifier Revue budget demain entre 14h et 15h", "26T14:00", "26T15:00"
    ),
    F.sure("de-10h-a-midi", "planifier Revue budget demain de 10h à midi", "26T10:00", "26T12:00"),
    F.sure("22h-a-1h", "planifier Revue budget demain de 22:00 à 01:00", "26T22:00", "27T01:00"),
    F.sure("15h-17h-tiret", "planifier Revue budget demain 15h-17h", "26T15:00", "26T17:00"),
    F.unsure(
        "de-10-a-11", "planifier Revue budget demain de 10 à 11", "26T10:00", "26T11:00", AMPM
    ),
    F.refused(
        "fin-avant-debut",
        "planifier Revue budget demain de 17h à 15h",
        "schedule",
        "la réunion finirait avant de commencer",
    ),
    F.refused(
        "plage-et-duree",
        "planifier Revue budget demain de 15h à 16h pendant 30 min",
        "schedule",
        "une heure de fin",
    ),
]

WEEKDAYS = [
    F.sure("vendredi", "planifier Revue budget vendredi à 10h", "27T10:00", "27T10:30"),
    F.sure("le-lundi", "planifier Revue budget le lundi à 10h", "30T10:00", "30T10:30"),
    F.sure(
        "mardi-prochain",
        "planifier Revue budget mardi prochain à 10h",
        "12-01T10:00",
        "12-01T10:30",
    ),
    F.unsure(
        "vendredi-prochain",
        "planifier Revue budget vendredi prochain à 10h",
        "27T10:00",
        "27T10:30",
        WEEK,
        confirm=(
            "« vendredi prochain » peut être cette semaine ou la suivante ; "
            "j'ai compris vendredi 27 novembre"
        ),
    ),
    F.sure(
        "mardi-de-la-semaine-prochaine",
        "planifier Revue budget mardi de la semaine prochaine à 10h",
        "12-01T10:00",
        "12-01T10:30",
    ),
    F.unsure(
        "vendredi-dit-un-vendredi",
        "planifier Revue budget vendredi à 15h",
        "27T15:00",
        "27T15:30",
        WEEK,
        now=FRI,
    ),
    F.sure("ce-mercredi", "planifier Revue budget ce mercredi à 15h", "25T15:00", "25T15:30"),
    F.unsure(
        "mercredi-9h-passe",
        "planifier Revue budget mercredi à 9h",
        "12-02T09:00",
        "12-02T09:30",
        WEEK,
    ),
    F.refused(
        "vendredi-dernier",
        "planifier Revue budget vendredi dernier à 10h",
        "schedule",
        "« vendredi dernier à 10h » est déjà passé",
    ),
    F.refused(
        "hier", "planifier Revue budget hier à 15h", "schedule", "« hier à 15h » est déjà passé"
    ),
    F.refused(
        "aujourdhui-passe", "planifier Revue budget aujourd'hui à 9h", "schedule", "est déjà passé"
    ),
]

DATES = [
    F.sure(
        "5-janvier",
        "planifier Revue budget le 5 janvier à 10h",
        "2027-01-05T10:00",
        "2027-01-05T10:30",
    ),
    F.sure(
        "1er-decembre", "planifier Revue budget le 1er décembre à 10h", "12-01T10:00", "12-01T10:30"
    ),
    F.sure("3-dec", "planifier Revue budget 3 déc à 10h", "12-03T10:00", "12-03T10:30"),
    F.sure(
        "4/5-jour-dabord",
        "planifier Revue budget 4/5 à 10h",
        "2027-05-04T10:00:00+02:00",
        "2027-05-04T10:30:00+02:00",
    ),
    F.sure(
        "iso", "planifier Revue budget 2027-01-05 à 10h", "2027-01-05T10:00", "2027-01-05T10:30"
    ),
    F.sure("le-3", "planifier Revue budget le 3 à 10h", "12-03T10:00", "12-03T10:30"),
    F.sure(
        "le-2-en-fin-dannee",
        "planifier Revue budget le 2 à 10h",
        "2027-01-02T10:00",
        "2027-01-02T10:30",
        now=DEC31,
    ),
    F.sure(
        "jeudi-3-decembre",
        "planifier Revue budget jeudi 3 décembre à 10h",
        "12-03T10:00",
        "12-03T10:30",
    ),
    F.refused(
        "31-avril", "planifier Revue budget le 31 avril à 10h", "schedule", "« le 31 avril »"
    ),
    F.refused(
        "25h", "planifier Revue budget demain à 25h", "schedule", "Je n'ai pas pu lire l'heure"
    ),
    F.unsure(
        "plus-dun-an",
        "planifier Revue budget le 5 janvier 2028 à 10h",
        "2028-01-05T10:00",
        "2028-01-05T10:30",
        ("far_ahead",),
        confirm="mercredi 5 janvier 2028 est dans plus d'un an",
    ),
    F.refused(
        "jour-sans-heure", "planifier Revue budget demain", "schedule", "« demain » n'a pas d'heure"
    ),
    F.refused("sans-heure", "planifier Revue budget", "schedule", "Quand doit-elle commencer ?"),
]

ROWS = [*DAYS_AND_HOURS, *DURATIONS, *RANGES, *WEEKDAYS, *DATES]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_french_times(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
