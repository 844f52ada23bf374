"""French commands and chat (issue 11): réunion maintenant / planifier / mes réunions / annuler
and their synonyms, questions for the agenda, zones, attendees, wrappers, typos and refusals."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

F = Lang("fr-FR", "Europe/Paris", "+01:00", "Revue budget")
CA = Lang("fr-CA", "America/Toronto", "-05:00", "Revue budget")
NOW, HALF = "25T10:00", "25T10:30"
EX = "planifier Revue du budget demain à 15h pendant 30 min"

COMMANDS = [
    F.sure("reunion-maintenant", "réunion maintenant", NOW, HALF, None, kind="meet_now"),
    F.sure(
        "reunion-maintenant-45",
        "réunion maintenant Point design pendant 45 min",
        NOW,
        "25T10:45",
        "Point design",
        kind="meet_now",
    ),
    F.sure("appel-maintenant", "appel maintenant", NOW, HALF, None, kind="meet_now"),
    F.sure(
        "visio-maintenant-avec",
        "visio maintenant avec anne@x.fr",
        NOW,
        HALF,
        "Réunion avec Anne",
        "anne@x.fr",
        kind="meet_now",
    ),
    F.sure(
        "lancer-une-reunion",
        "lancer une réunion Point design",
        NOW,
        HALF,
        "Point design",
        kind="meet_now",
    ),
    F.sure(
        "reunion-demain",
        "réunion Planning demain à 16h",
        "26T16:00",
        "26T16:30",
        "Planning",
        kind="meeting",
    ),
    F.sure("lien", "lien pour Revue budget", NOW, HALF, kind="meeting"),
    F.sure("lien-teams", "lien teams Revue budget", NOW, HALF, kind="meeting"),
    F.sure("programmer", "programmer Revue budget demain à 15h", "26T15:00", "26T15:30"),
    F.sure(
        "organise-une-reunion",
        "organise une réunion Revue budget demain à 15h",
        "26T15:00",
        "26T15:30",
    ),
    F.sure("cale", "cale Revue budget demain à 15h", "26T15:00", "26T15:30"),
    F.sure("prevoir", "prévoir Revue budget demain à 15h", "26T15:00", "26T15:30"),
    F.sure("reserve", "réserve Revue budget demain à 15h", "26T15:00", "26T15:30"),
    F.sure("planifier-seul", "planifier", None, None, None),
    F.sure("planifier-une-reunion-seul", "planifier une réunion", None, None, None),
    F.day("mes-reunions-demain", "mes réunions demain", "26", "27"),
    F.sure("mes-reunions", "mes réunions", NOW, "12-02T10:00", None, kind="list"),
    F.day("mon-agenda-aujourdhui", "mon agenda aujourd'hui", "25", "26"),
    F.day("cette-semaine", "mes réunions cette semaine", "23", "30"),
    F.day("la-semaine-prochaine", "mes réunions la semaine prochaine", "30", "12-07"),
    F.day("reunions-vendredi", "mes réunions vendredi", "27", "28"),
    F.day("quest-ce-que-jai-demain", "qu'est-ce que j'ai demain ?", "26", "27"),
    F.day("quest-ce-que-jai-apostrophe-courbe", "qu’est-ce que j’ai demain ?", "26", "27"),
    F.day("jai-quoi-lundi", "j'ai quoi lundi ?", "30", "12-01"),
    F.day("quoi-de-prevu", "quoi de prévu aujourd'hui", "25", "26"),
    F.sure("annuler", "annuler Revue budget", None, None, kind="cancel"),
    F.sure("annule-la-reunion", "annule la réunion Revue budget", None, None, kind="cancel"),
    F.sure("supprimer", "supprimer Revue budget", None, None, kind="cancel"),
    F.sure("aide", "aide", None, None, None, kind="help"),
    F.sure("commandes", "commandes", None, None, None, kind="help"),
]

CHAT = [
    F.sure(
        "peux-tu-organiser",
        "peux-tu organiser une réunion avec anne@x.fr et paul@x.fr demain à 10h ?",
        "26T10:00",
        "26T10:30",
        "Réunion avec Anne et Paul",
        "anne@x.fr",
        "paul@x.fr",
    ),
    F.sure("stp", "planifier Revue budget demain à 15h stp", "26T15:00", "26T15:30"),
    F.sure("merci", "planifier Revue budget demain à 15h, merci", "26T15:00", "26T15:30"),
    F.sure(
        "sil-vous-plait",
        "s'il vous plaît, planifiez Revue budget demain à 15h",
        "26T15:00",
        "26T15:30",
    ),
    F.sure(
        "bonjour-bot", "bonjour bot, planifier Revue budget demain à 15h", "26T15:00", "26T15:30"
    ),
    F.sure(
        "on-peut-caler", "on peut caler un point demain à 15h ?", "26T15:00", "26T15:30", "point"
    ),
    F.sure(
        "je-voudrais", "je voudrais planifier Revue budget demain à 15h", "26T15:00", "26T15:30"
    ),
    F.unsure(
        "pourriez-vous",
        "pourriez-vous programmer un appel lundi à 11 ?",
        "30T11:00",
        "30T11:30",
        ("am_pm",),
        None,
    ),
]

PEOPLE = [
    F.sure(
        "deux-adresses-et",
        "planifier Revue budget avec anne@x.fr et paul@x.fr demain à 15h",
        "26T15:00",
        "26T15:30",
        "Revue budget",
        "anne@x.fr",
        "paul@x.fr",
    ),
    F.sure(
        "trois-adresses",
        "planifier Revue budget avec anne@x.fr, paul@x.fr et marc@x.fr demain à 15h",
        "26T15:00",
        "26T15:30",
        "Revue budget",
        "anne@x.fr",
        "paul@x.fr",
        "marc@x.fr",
    ),
    F.sure(
        "cc",
        "planifier Revue budget demain à 15h cc anne@x.fr",
        "26T15:00",
        "26T15:30",
        "Revue budget",
        "anne@x.fr",
    ),
    F.sure(
        "avec-tout-le-monde",
        "planifier Revue budget demain à 15h avec tout le monde",
        "26T15:00",
        "26T15:30",
    ),
    F.sure(
        "sans-sujet",
        "planifier avec anne@x.fr demain à 15h",
        "26T15:00",
        "26T15:30",
        "Réunion avec Anne",
        "anne@x.fr",
    ),
    F.sure(
        "mentions",
        "planifier Revue budget avec <at>Ann Lee</at> et <at>Bob</at> demain à 15h",
        "26T15:00",
        "26T15:30",
        "Revue budget",
        "29:ann",
        "29:bob",
    ),
    F.sure(
        "dejeuner-avec-le-marketing",
        "planifier Déjeuner avec le marketing demain à 12h",
        "26T12:00",
        "26T12:30",
        "Déjeuner avec le marketing",
    ),
    F.sure(
        "echeance-de-17h",
        "planifier Point sur l'échéance de 17h demain à 10h",
        "26T10:00",
        "26T10:30",
        "Point sur l'échéance de 17h",
    ),
    F.sure(
        "sujet-entre-guillemets",
        "planifier « Planning du lundi » demain à 15h",
        "26T15:00",
        "26T15:30",
        "Planning du lundi",
    ),
]

ZONES = [
    F.sure(
        "heure-de-paris",
        "planifier Revue budget demain à 15h heure de Paris",
        "26T15:00",
        "26T15:30",
        zone="Europe/Paris",
    ),
    CA.sure(
        "heure-de-paris-depuis-montreal",
        "planifier Revue budget demain à 15h heure de Paris",
        "26T09:00",
        "26T09:30",
        zone="Europe/Paris",
    ),
    F.sure(
        "heure-de-londres",
        "planifier Revue budget demain à 15h heure de Londres",
        "26T16:00",
        "26T16:30",
        zone="Europe/London",
    ),
    F.sure(
        "heure-du-quebec",
        "planifier Revue budget demain à 9h heure du Québec",
        "26T15:00",
        "26T15:30",
        zone="America/Toronto",
    ),
    F.sure(
        "cet",
        "planifier Revue budget demain à 15h CET",
        "26T15:00",
        "26T15:30",
        zone="Europe/Paris",
    ),
    F.sure(
        "est-majuscule",
        "planifier Revue budget demain à 10h EST",
        "26T16:00",
        "26T16:30",
        zone="America/New_York",
    ),
    F.sure(
        "est-minuscule-nest-pas-un-fuseau",
        "planifier Revue budget demain à 10h qui est important",
        "26T10:00",
        "26T10:30",
        "Revue budget qui est important",
    ),
    F.sure("utc", "planifier Revue budget demain à 14h UTC", "26T15:00", "26T15:30", zone="UTC"),
    F.sure(
        "gmt+1",
        "planifier Revue budget demain à 15h GMT+1",
        "26T15:00",
        "26T15:30",
        zone="UTC+01:00",
    ),
    F.sure(
        "jst", "planifier Revue budget demain à 23h JST", "26T15:00", "26T15:30", zone="Asia/Tokyo"
    ),
    F.unsure(
        "bst",
        "planifier Revue budget demain à 14h BST",
        "26T15:00",
        "26T15:30",
        ("zone",),
        zone="Europe/London",
    ),
    F.refused(
        "deux-fuseaux",
        "planifier Revue budget demain à 15h CET EST",
        "schedule",
        "deux fuseaux horaires",
    ),
]

TYPOS_AND_REFUSALS = [
    F.unsure(
        "planfier",
        "planfier Revue budget demain à 15h",
        "26T15:00",
        "26T15:30",
        ("command",),
        confirm="J'ai lu « planfier » comme la commande « planifier »",
    ),
    F.unsure(
        "reunion-maintenatn", "réunion maintenatn", NOW, HALF, ("command",), None, kind="meet_now"
    ),
    F.unsure("anuler", "anuler Revue budget", None, None, ("command",), kind="cancel"),
    F.refused(
        "pas-compris",
        "bonne journée à tous",
        "unknown",
        "Je n'ai pas compris « bonne journée à tous »",
    ),
    F.refused("annuler-quoi", "annuler", "cancel", "Quelle réunion dois-je annuler ?"),
    F.refused(
        "maintenant-avec-heure",
        "réunion maintenant demain à 15h",
        "meet_now",
        "« réunion maintenant » commence tout de suite",
    ),
    F.refused(
        "mention-inconnue",
        "planifier Revue budget avec <at>Zed</at> demain à 15h",
        "schedule",
        "Je n'ai trouvé personne pour « Zed »",
    ),
    F.refused("liste-floue", "mes réunions bla", "list", "je n'ai pas compris « bla »"),
    F.refused("deux-dates", "planifier Revue budget lundi demain à 15h", "schedule", "deux dates"),
    F.refused(
        "duree-sans-unite",
        "planifier Revue budget demain à 15h pendant 5",
        "schedule",
        "Je n'ai pas pu lire la durée dans « pendant 5 »",
    ),
    F.refused(
        "anglais-repondu-en-anglais",
        "schedule X yesterday 3pm",
        "schedule",
        "“yesterday 3pm” is in the past. Pick a time from now on, "
        "e.g. schedule Budget review tomorrow 3pm for 30m",
    ),
]

ROWS = [*COMMANDS, *CHAT, *PEOPLE, *ZONES, *TYPOS_AND_REFUSALS]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_french_chat(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
