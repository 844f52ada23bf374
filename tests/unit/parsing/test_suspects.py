"""Never silently wrong (issue 11): a word that looks like a date or time word of any of the five
languages, next to the time the message names, but was not read as one ("vendredj", "wensday",
"nächstn") stays in the subject and makes the reading unsure; the confirmation names it. Ordinary
subject words must not: a corpus of realistic subjects in each language stays sure."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

E = Lang("en-US", "Europe/Berlin", "+01:00", "Sync")
P = Lang("pt-BR", "America/Sao_Paulo", "-03:00", "Sync")
S = Lang("es-ES", "Europe/Madrid", "+01:00", "Sync")
D = Lang("de-DE", "Europe/Berlin", "+01:00", "Sync")
F = Lang("fr-FR", "Europe/Paris", "+01:00", "Sync")
SUSPECT = ("suspect",)
T10, T1030 = "25T10:00", "25T10:30"  # said at 10:00 on Wednesday the 25th
T15, T1530 = "25T15:00", "25T15:30"

FLAGGED = [
    E.unsure(
        "en-vendredj",
        "schedule Sync vendredj 10am",
        T10,
        T1030,
        SUSPECT,
        "Sync vendredj",
        confirm="“vendredj” looks like “vendredi”, but I kept it in the subject",
    ),
    E.unsure("en-wensday", "schedule Sync wensday 3pm", T15, T1530, SUSPECT, "Sync wensday"),
    E.unsure(
        "en-french-word",
        "schedule Sync vendredi 3pm",
        T15,
        T1530,
        SUSPECT,
        "Sync vendredi",
        confirm="“vendredi” looks like “Friday”",
    ),
    E.unsure("en-german-word", "schedule Sync morgen 3pm", T15, T1530, SUSPECT, "Sync morgen"),
    E.unsure(
        "en-nexxt", "schedule Sync nexxt friday 3pm", "27T15:00", "27T15:30", SUSPECT, "Sync nexxt"
    ),
    E.unsure(
        "en-meeting-no-time",
        "meeting Sync vendredj",
        "25T10:00",
        "25T10:30",
        SUSPECT,
        "Sync vendredj",
        kind="meeting",
    ),
    E.unsure("en-quoted", 'schedule "Sync" vendredj 3pm', T15, T1530, SUSPECT, "Sync"),
    F.unsure(
        "fr-vendredj",
        "planifier Sync vendredj 15h",
        T15,
        T1530,
        SUSPECT,
        "Sync vendredj",
        confirm="« vendredj » ressemble à « vendredi », mais je l'ai laissé dans l'objet",
    ),
    F.unsure("fr-lundj", "planifier Sync lundj à 15h", T15, T1530, SUSPECT, "Sync lundj"),
    F.unsure("fr-mercredie", "planifier Sync mercredie 15h", T15, T1530, SUSPECT, "Sync mercredie"),
    F.unsure(
        "fr-prochian",
        "planifier Sync lundi prochian à 15h",
        "30T15:00",
        "30T15:30",
        SUSPECT,
        "Sync prochian",
    ),
    D.unsure(
        "de-naechstn",
        "planen Sync nächstn Freitag 15 Uhr",
        "27T15:00",
        "27T15:30",
        SUSPECT,
        "Sync nächstn",
        confirm="„nächstn“ sieht aus wie „nächste“, steht aber im Betreff",
    ),
    D.unsure(
        "de-uebermorgn", "planen Sync übermorgn um 15 Uhr", T15, T1530, SUSPECT, "Sync übermorgn"
    ),
    D.unsure("de-french-day", "planen Sync jeudi um 15 Uhr", T15, T1530, SUSPECT, "Sync jeudi"),
    P.unsure(
        "pt-proxma",
        "agendar Sync próxma sexta 15h",
        "27T15:00",
        "27T15:30",
        SUSPECT,
        "Sync próxma",
        tz="America/Sao_Paulo",
        confirm="“próxma” parece “próxima”, mas deixei no assunto",
    ),
    P.unsure("pt-quintaa", "agendar Sync quintaa às 15h", T15, T1530, SUSPECT, "Sync quintaa"),
    P.unsure("pt-spanish-typo", "agendar Sync mañna às 15h", T15, T1530, SUSPECT, "Sync mañna"),
    S.unsure(
        "es-viernez",
        "agendar Sync viernez a las 15h",
        T15,
        T1530,
        SUSPECT,
        "Sync viernez",
        confirm="“viernez” se parece a “viernes”, pero lo dejé en el asunto",
    ),
    S.unsure(
        "es-portuguese-day",
        "agendar Sync sexta a las 15h",
        T15,
        T1530,
        SUSPECT,
        "Sync sexta",
    ),
]

READ_NOT_SUSPECTED = [  # read as the time word (and confirmed as a correction), or plainly read
    E.unsure("en-tomorow", "schedule Sync tomorow 3pm", "26T15:00", "26T15:30", ("corrected",)),
    E.unsure("en-thursdy", "schedule Sync thursdy 3pm", "26T15:00", "26T15:30", ("corrected",)),
    P.sure("pt-amanha", "agendar Sync amanha às 15h", "26T15:00", "26T15:30"),
    D.sure("de-naechsten", "planen Sync naechste Woche Montag um 15 Uhr", "30T15:00", "30T15:30"),
    D.sure("de-uebermorgen", "planen Sync uebermorgen um 15 Uhr", "27T15:00", "27T15:30"),
]

# Realistic subjects, each with a time and no date: none of their words is a suspect.
SUBJECTS = {
    E: "Budget review|Quarterly planning|Design sync|Lunch with marketing|Customer call Acme|"
    "Morgan Stanley sync|Junior dev onboarding|Mario and Luigi pairing|Monthly metrics|"
    "Weekly business review|Sundae party|Todo list grooming|Tomato project|Match analysis|"
    "Marching band rehearsal|Juniper upgrade|Julia farewell|August release|Febreze campaign|"
    "Samsung partnership|Sabbatical handover|Fridge cleanup|Saturn launch|Mayday drill|"
    "Nextcloud migration|Next steps|Last call prep|Domain renewal|Domino rollout|Letter review|"
    "Lines of code review|Sync with Marco|Janitor rota|Decimal migration|Novice training",
    P: "Revisão do orçamento|Planejamento trimestral|Almoço com marketing|Segundo turno|"
    "Terceira rodada|Quarteto de cordas|Quintal da empresa|Domínio do cliente|Próximos passos|"
    "Último ajuste|Meia maratona|Janela de manutenção|Maioria simples|Julgamento do caso|"
    "Conversa com Mário|Marco zero do projeto|Sextante|Turca e árabe",
    S: "Revisión de presupuesto|Planificación trimestral|Almuerzo con marketing|Martillo|"
    "Manzana review|Próximos pasos|Último ajuste|Medio maratón|Semana de la ciencia|"
    "Sábana santa|Mariposa|Domótica|Juegos de mesa",
    D: "Budget-Review|Quartalsplanung|Teamrunde|Mittagessen mit Marketing|Montagsrunde|"
    "Dienstreiseplanung|Freitagsbier|Sonntagsbrunch|Morgenrunde|Morgan Stanley Abstimmung|"
    "Heutiger Stand|Nachbesprechung|Letzte Abstimmung|Mittagspause|Feier zum Jubiläum|"
    "Jahresabschluss|Samstagsdienst",
    F: "Revue du budget|Planification trimestrielle|Déjeuner avec le marketing|Mercredis créatifs|"
    "Demande client|Démarrage projet|Prochaines étapes|Dernière revue|Marcel entretien|"
    "Domaine client|Lundis créatifs|Jeudis de la data",
}
_AT = {E: "schedule {} at 3pm", P: "agendar {} às 15h", S: "agendar {} a las 15h"}
_AT |= {D: "planen {} um 15 Uhr", F: "planifier {} à 15h"}


def _corpus() -> list[Any]:
    rows = []
    for lang, subjects in SUBJECTS.items():
        for subject in subjects.split("|"):
            text = _AT[lang].format(subject)
            rows.append(lang.sure(f"{lang.locale}-{subject}", text, T15, T1530, subject))
    return rows


CORPUS = _corpus()
ROWS = [*FLAGGED, *READ_NOT_SUSPECTED, *CORPUS]


@pytest.mark.parametrize(FIELDS, [*FLAGGED, *READ_NOT_SUSPECTED])
def test_a_word_that_looks_like_a_date_makes_the_reading_unsure(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)


@pytest.mark.parametrize(FIELDS, CORPUS)
def test_ordinary_subjects_stay_sure(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)


def test_a_spanish_weekday_read_as_portuguese_is_named_back() -> None:
    """Under pt-BR, "agendar" is read as Portuguese: the Spanish "viernes" two words before the
    time is not a Portuguese day, so it is said back rather than silently kept."""
    row = P.unsure(
        "pt-locale-spanish-sentence",
        "agendar Revisión el viernes a las 15h",
        T15,
        T1530,
        SUSPECT,
        "Revisión el viernes a las",
        confirm="“viernes” parece “sexta-feira”",
    )
    check(*row.values)
