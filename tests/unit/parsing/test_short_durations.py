"""A short duration right after a time, without "for" (issue 11), in the languages where "2h"
could also be a time: "sexta às 15h 2h", "vendredi 15h 1h30", "Freitag um 15 Uhr 2h". Up to four
hours it is the meeting's length; a longer second hour is still two times, said back."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

P = Lang("pt-BR", "America/Sao_Paulo", "-03:00", "Revisão")
S = Lang("es-ES", "Europe/Madrid", "+01:00", "Revisión")
D = Lang("de-DE", "Europe/Berlin", "+01:00", "Review")
F = Lang("fr-FR", "Europe/Paris", "+01:00", "Revue")
FRI, TWO, HALF = "27T15:00", "27T17:00", "27T16:30"

ROWS = [
    P.sure("pt-as-15h-2h", "agendar Revisão sexta às 15h 2h", FRI, TWO),
    P.sure("pt-15h-1h30", "agendar Revisão sexta 15h 1h30", FRI, HALF),
    P.sure("pt-15h-90min", "agendar Revisão sexta às 15h 90min", FRI, HALF),
    P.refused("pt-9h-10h", "agendar Revisão amanhã 9h 10h", "schedule", "dois horários"),
    S.sure("es-a-las-15h-2h", "agendar Revisión el viernes a las 15h 2h", FRI, TWO),
    S.sure("es-15h-1h30", "agendar Revisión el viernes 15h 1h30", FRI, HALF),
    S.refused("es-9h-10h", "agendar Revisión mañana 9h 10h", "schedule", "dos horas"),
    D.sure("de-um-15-uhr-2h", "planen Review Freitag um 15 Uhr 2h", FRI, TWO),
    D.sure("de-15-uhr-1h30", "planen Review Freitag 15 Uhr 1h30", FRI, HALF),
    D.sure("de-15-uhr-2-std", "planen Review Freitag 15 Uhr 2 Std", FRI, TWO),
    F.sure("fr-a-15h-2h", "planifier Revue vendredi à 15h 2h", FRI, TWO),
    F.sure("fr-15h-1h30", "planifier Revue vendredi 15h 1h30", FRI, HALF),
    F.refused("fr-9h-10h", "planifier Revue demain 9h 10h", "schedule", "deux heures"),
]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_a_short_duration_after_a_time_needs_no_for(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
