"""Spanish, German and French: recurring meetings, meeting options and finding a time.

Said on Wednesday 2026-11-25 at 10:00 in Madrid, Berlin and Paris (all UTC+1)."""

from __future__ import annotations

import pytest

from tests.unit.parsing.plans import WEEKDAYS, Plans, rule
from tests.unit.parsing.table import FIELDS, MAD, PAR, check

ES, DE, FR = Plans("es-ES", MAD), Plans("de-DE"), Plans("fr-FR", PAR)
NOW, HALF = "2026-11-25T10:00", "2026-11-25T10:30"

ROWS = [
    ES.series(
        "es-cada-lunes",
        "agendar Revisión cada lunes a las 10h",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Revisión",
        rule("weekly", "2026-11-30", 0),
    ),
    ES.series(
        "es-dias-laborables",
        "agendar Sync todos los días laborables a las 9h hasta el 31 de marzo",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
        "Sync",
        rule("weekly", "2026-11-26", *WEEKDAYS, until="2027-03-31"),
    ),
    ES.series(
        "es-primer-lunes",
        "agendar Retro el primer lunes del mes a las 10h",
        "2026-12-07T10:00",
        "2026-12-07T10:30",
        "Retro",
        rule("relativeMonthly", "2026-12-07", 0, index="first"),
    ),
    ES.options(
        "es-opciones",
        "reunión ahora sin sala de espera y grabar",
        "meet_now",
        None,
        NOW,
        HALF,
        lobby="everyone",
        record=True,
    ),
    ES.find(
        "es-buscar-hueco",
        "buscar un hueco con ana@contoso.com mañana durante 30 min",
        "2026-11-26T00:00",
        "2026-11-27T00:00",
        30,
        "ana@contoso.com",
    ),
    DE.series(
        "de-jeden-montag",
        "planen Standup jeden Montag um 10 Uhr",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Standup",
        rule("weekly", "2026-11-30", 0),
    ),
    DE.series(
        "de-jeden-zweiten-dienstag",
        "planen Review jeden zweiten Dienstag um 15 Uhr",
        "2026-12-01T15:00",
        "2026-12-01T15:30",
        "Review",
        rule("weekly", "2026-12-01", 1, interval=2),
    ),
    DE.series(
        "de-werktags-bis",
        "planen Standup werktags um 9:15 Uhr bis 31.3.",
        "2026-11-26T09:15",
        "2026-11-26T09:45",
        "Standup",
        rule("weekly", "2026-11-26", *WEEKDAYS, until="2027-03-31"),
    ),
    DE.options(
        "de-optionen",
        "Besprechung jetzt ohne Lobby, nur ich präsentiere",
        "meet_now",
        None,
        NOW,
        HALF,
        lobby="everyone",
        presenters="organizer",
    ),
    DE.find(
        "de-termin-finden",
        "Termin finden mit anna@contoso.com morgen für 30 Min",
        "2026-11-26T00:00",
        "2026-11-27T00:00",
        30,
        "anna@contoso.com",
    ),
    DE.find(
        "de-naechste-woche-alle",
        "Termin finden mit allen nächste Woche für 1 Stunde",
        "2026-11-30T00:00",
        "2026-12-07T00:00",
        60,
        everyone=True,
    ),
    FR.series(
        "fr-chaque-lundi",
        "planifier Revue chaque lundi à 10h",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Revue",
        rule("weekly", "2026-11-30", 0),
    ),
    FR.series(
        "fr-tous-les-lundis-jusqu",
        "planifier Point tous les lundis à 9h jusqu'au 31 mars",
        "2026-11-30T09:00",
        "2026-11-30T09:30",
        "Point",
        rule("weekly", "2026-11-30", 0, until="2027-03-31"),
    ),
    FR.series(
        "fr-pendant-6-semaines",
        "planifier Point chaque mardi à 14h pendant 6 semaines",
        "2026-12-01T14:00",
        "2026-12-01T14:30",
        "Point",
        rule("weekly", "2026-12-01", 1, until="2027-01-11"),
    ),
    FR.options(
        "fr-options",
        "réunion maintenant sans chat, enregistrer",
        "meet_now",
        None,
        NOW,
        HALF,
        record=True,
        chat="disabled",
    ),
    FR.find(
        "fr-trouver-creneau",
        "trouver un créneau avec anne@contoso.com demain pendant 30 min",
        "2026-11-26T00:00",
        "2026-11-27T00:00",
        30,
        "anne@contoso.com",
    ),
]


ES_ROWS = [row for row in ROWS if row.id.startswith("es-")]
DE_ROWS = [row for row in ROWS if row.id.startswith("de-")]
FR_ROWS = [row for row in ROWS if row.id.startswith("fr-")]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_spanish_german_french_plans(
    text: str, now: str, tz: str, locale: str, expected: dict[str, object]
) -> None:
    check(text, now, tz, locale, expected)
