"""Portuguese: recurring meetings, meeting options and finding a time (issue 16).

Said on Wednesday 2026-11-25 at 10:00 in São Paulo."""

from __future__ import annotations

import pytest

from tests.unit.parsing.plans import WEEKDAYS, Plans, rule
from tests.unit.parsing.table import FIELDS, SP, check

PT = Plans("pt-BR", SP, "-03:00", "2026-11-25T10:00:00")

ROWS = [
    PT.series(
        "toda-segunda",
        "agendar Daily toda segunda às 10h",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Daily",
        rule("weekly", "2026-11-30", 0),
    ),
    PT.series(
        "toda-terca-ate",
        "agendar Revisão toda terça às 15h até 31/3",
        "2026-12-01T15:00",
        "2026-12-01T15:30",
        "Revisão",
        rule("weekly", "2026-12-01", 1, until="2027-03-31"),
    ),
    PT.series(
        "primeira-segunda-do-mes",
        "agendar Retro na primeira segunda do mês às 10h",
        "2026-12-07T10:00",
        "2026-12-07T10:30",
        "Retro",
        rule("relativeMonthly", "2026-12-07", 0, index="first"),
    ),
    PT.series(
        "dias-uteis-por-6-semanas",
        "agendar Sync todos os dias úteis às 9h por 6 semanas",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
        "Sync",
        rule("weekly", "2026-11-26", *WEEKDAYS, until="2027-01-06"),
    ),
    PT.series(
        "a-cada-duas-semanas",
        "agendar Demo a cada duas semanas na quinta às 16h",
        "2026-11-26T16:00",
        "2026-11-26T16:30",
        "Demo",
        rule("weekly", "2026-11-26", 3, interval=2),
    ),
    PT.series(
        "mensalmente-dia-15",
        "agendar Fechamento mensalmente no dia 15 às 11h",
        "2026-12-15T11:00",
        "2026-12-15T11:30",
        "Fechamento",
        rule("absoluteMonthly", "2026-12-15", dom=15),
    ),
    PT.series(
        "todo-dia-10-vezes",
        "agendar Academia todo dia às 7h 10 vezes",
        "2026-11-26T07:00",
        "2026-11-26T07:30",
        "Academia",
        rule("daily", "2026-11-26", count=10),
    ),
    PT.series(
        "serie-com-opcoes",
        "agendar Geral toda segunda às 10h sem sala de espera gravar",
        "2026-11-30T10:00",
        "2026-11-30T10:30",
        "Geral",
        rule("weekly", "2026-11-30", 0),
        lobby="everyone",
        record=True,
    ),
    PT.refused("agora-nao-repete", "reunião agora toda segunda", "meet_now", "reunião agora"),
    PT.options(
        "sem-sala-de-espera",
        "reunião agora sem sala de espera",
        "meet_now",
        None,
        "2026-11-25T10:00",
        "2026-11-25T10:30",
        lobby="everyone",
    ),
    PT.options(
        "so-eu-apresento",
        "reunião agora Design só eu apresento, gravar e sem chat",
        "meet_now",
        "Design",
        "2026-11-25T10:00",
        "2026-11-25T10:30",
        presenters="organizer",
        record=True,
        chat="disabled",
    ),
    PT.find(
        "com-ana-amanha",
        "encontrar um horário com ana@contoso.com amanhã por 30 min",
        "2026-11-26T00:00",
        "2026-11-27T00:00",
        30,
        "ana@contoso.com",
    ),
    PT.find(
        "quando-podemos",
        "quando podemos nos reunir esta semana",
        "2026-11-25T10:00",
        "2026-11-30T00:00",
        30,
    ),
    PT.find(
        "todos-proxima-semana",
        "encontrar um horário para todos na próxima semana por 1h",
        "2026-11-30T00:00",
        "2026-12-07T00:00",
        60,
        everyone=True,
    ),
]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_portuguese_plans(
    text: str, now: str, tz: str, locale: str, expected: dict[str, object]
) -> None:
    check(text, now, tz, locale, expected)
