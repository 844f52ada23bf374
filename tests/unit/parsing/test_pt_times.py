"""Portuguese as people type it (issue 11): shorthand, typos, durations, ranges, weekdays
(pt-PT "3.ª feira" too) and dates, each row sure, unsure or refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import DEC31, FIELDS, FRI, NOV30, Lang, check

P = Lang("pt-BR", "America/Sao_Paulo", "-03:00", "Revisão")
PT = Lang("pt-PT", "Europe/Lisbon", "+00:00", "Revisão")
AMPM = ("am_pm",)
FIXED = ("corrected",)
WEEK = ("weekday",)

SHORTHAND = [
    P.sure("hj", "agendar Revisão hj às 15h", "25T15:00", "25T15:30"),
    P.sure("amanha-sem-acento", "agendar Revisão amanha às 15h", "26T15:00", "26T15:30"),
    P.sure("17h", "agendar Revisão amanhã 17h", "26T17:00", "26T17:30"),
    P.sure("17:00", "agendar Revisão amanhã às 17:00", "26T17:00", "26T17:30"),
    P.sure("15h30", "agendar Revisão amanhã às 15h30", "26T15:30", "26T16:00"),
    P.sure("10hs", "agendar Revisão amanhã às 10hs", "26T10:00", "26T10:30"),
    P.sure("as-1700", "agendar Revisão amanhã às 1700", "26T17:00", "26T17:30"),
    P.unsure("amnha", "agendar Revisão amnha às 15h", "26T15:00", "26T15:30", FIXED),
    P.unsure("amanah", "agendar Revisão amanah às 15h", "26T15:00", "26T15:30", FIXED),
    P.unsure("sexat", "agendar Revisão sexat às 15h", "27T15:00", "27T15:30", FIXED),
    P.unsure("segnda", "agendar Revisão segnda às 15h", "30T15:00", "30T15:30", FIXED),
    P.unsure(
        "as-onze-e-meia",
        "agendar Revisão amanhã às onze e meia",
        "26T11:30",
        "26T12:00",
        AMPM,
        confirm="“às onze e meia” pode ser 11:30 ou 23:30; entendi 11:30",
    ),
    P.unsure("as-5", "agendar Revisão às 5", "25T17:00", "25T17:30", AMPM),
    P.unsure("as-5-em-30-nov", "agendar Revisão às 5", "30T17:00", "30T17:30", AMPM, now=NOV30),
    P.unsure(
        "as-duas-e-meia", "agendar Revisão amanhã às duas e meia", "26T14:30", "26T15:00", AMPM
    ),
    P.unsure("as-3-e-quinze", "agendar Revisão amanhã às 3 e quinze", "26T15:15", "26T15:45", AMPM),
    P.unsure(
        "quinze-para-as-5",
        "agendar Revisão amanhã quinze para as 5",
        "26T16:45",
        "26T17:15",
        AMPM,
    ),
    P.sure("9-da-manha", "agendar Revisão amanhã às 9 da manhã", "26T09:00", "26T09:30"),
    P.sure("3-da-tarde", "agendar Revisão amanhã às 3 da tarde", "26T15:00", "26T15:30"),
    P.sure("fim-do-expediente", "agendar Revisão amanhã fim do expediente", "26T17:00", "26T17:30"),
    P.sure("meia-noite", "agendar Revisão amanhã à meia-noite", "26T00:00", "26T00:30"),
    P.sure("agora", "reunião Revisão agora", "25T10:00", "25T10:30", kind="meeting"),
]

DURATIONS = [
    P.sure("por-45-min", "agendar Revisão amanhã às 15h por 45 min", "26T15:00", "26T15:45"),
    P.unsure(
        "por-45", "agendar Revisão amanhã às 15h por 45", "26T15:00", "26T15:45", ("no_unit",)
    ),
    P.sure("1,5-h", "agendar Revisão amanhã às 15h por 1,5 h", "26T15:00", "26T16:30"),
    P.sure("2h15", "agendar Revisão amanhã às 15h por 2h15", "26T15:00", "26T17:15"),
    P.sure(
        "durante-2-horas", "agendar Revisão amanhã às 15h durante 2 horas", "26T15:00", "26T17:00"
    ),
    P.sure(
        "uma-hora-e-meia", "agendar Revisão amanhã às 15h uma hora e meia", "26T15:00", "26T16:30"
    ),
    P.sure("meia-hora", "agendar Revisão amanhã às 15h meia hora", "26T15:00", "26T15:30"),
    P.sure(
        "45-minutos-sem-por", "agendar Revisão amanhã às 15h 45 minutos", "26T15:00", "26T15:45"
    ),
    P.sure("daqui-a-20-min", "agendar Revisão daqui a 20 min", "25T10:20", "25T10:50"),
    P.refused(
        "zero-minutos",
        "agendar Revisão amanhã às 15h por 0 minutos",
        "schedule",
        "deve durar entre 1 minuto e 24 horas",
    ),
    P.refused(
        "minutos-negativos",
        "agendar Revisão amanhã às 15h por -30 minutos",
        "schedule",
        "deve durar entre 1 minuto e 24 horas",
    ),
    P.refused(
        "por-5-sem-unidade",
        "agendar Revisão amanhã às 15h por 5",
        "schedule",
        "Não consegui ler a duração em “por 5”",
    ),
]

RANGES = [
    P.sure(
        "das-10-ao-meio-dia", "agendar Revisão amanhã das 10 ao meio-dia", "26T10:00", "26T12:00"
    ),
    P.sure("15h-as-17h", "agendar Revisão amanhã 15h às 17h", "26T15:00", "26T17:00"),
    P.sure("das-22h-as-1h", "agendar Revisão amanhã das 22:00 até 01:00", "26T22:00", "27T01:00"),
    P.sure("entre-14h-e-15h30", "agendar Revisão amanhã entre 14h e 15h30", "26T14:00", "26T15:30"),
    P.sure("de-9h-a-10h", "agendar Revisão amanhã de 9h a 10h", "26T09:00", "26T10:00"),
    P.unsure("das-10-as-11", "agendar Revisão amanhã das 10 às 11", "26T10:00", "26T11:00", AMPM),
    P.refused(
        "termina-antes",
        "agendar Revisão amanhã das 16h às 15h",
        "schedule",
        "a reunião terminaria antes de começar",
    ),
    P.refused(
        "intervalo-e-duracao",
        "agendar Revisão amanhã das 15h às 16h por 30 min",
        "schedule",
        "informe só um dos dois",
    ),
]

WEEKDAYS = [
    PT.sure("3a-feira-pt-pt", "agendar Revisão 3.ª feira às 10h", "12-01T10:00", "12-01T10:30"),
    PT.sure("5a-feira-pt-pt", "agendar Revisão 5.ª feira às 10h", "26T10:00", "26T10:30"),
    PT.sure("2a-feira-pt-pt", "agendar Revisão 2ª feira às 10h", "30T10:00", "30T10:30"),
    PT.sure("6a-feira-com-hifen", "agendar Revisão 6ª-feira às 10h", "27T10:00", "27T10:30"),
    P.sure("na-terca", "agendar Revisão na terça às 10h", "12-01T10:00", "12-01T10:30"),
    P.sure("sabado", "agendar Revisão sábado às 10h", "28T10:00", "28T10:30"),
    P.unsure(
        "proxima-quinta-desta-semana",
        "agendar Revisão na próxima quinta às 10h",
        "26T10:00",
        "26T10:30",
        WEEK,
    ),
    P.sure(
        "proxima-terca", "agendar Revisão na próxima terça às 10h", "12-01T10:00", "12-01T10:30"
    ),
    P.unsure(
        "sexta-dita-numa-sexta",
        "agendar Revisão na sexta às 15h",
        "27T15:00",
        "27T15:30",
        WEEK,
        now=FRI,
        confirm="“na sexta” pode ser esta semana ou a próxima; entendi sexta-feira, 27 de novembro",
    ),
    P.sure("esta-quarta", "agendar Revisão esta quarta às 15h", "25T15:00", "25T15:30"),
    P.refused(
        "sexta-passada",
        "agendar Revisão sexta passada às 10h",
        "schedule",
        "“sexta passada às 10h” já passou",
    ),
    P.refused(
        "na-ultima-sexta",
        "agendar Revisão na última sexta às 10h",
        "schedule",
        "já passou",
    ),
    P.sure(
        "terca-da-proxima-semana",
        "agendar Revisão terça da próxima semana às 10h",
        "12-01T10:00",
        "12-01T10:30",
    ),
]

DATES = [
    P.sure(
        "5-de-janeiro",
        "agendar Revisão 5 de janeiro às 10h",
        "2027-01-05T10:00",
        "2027-01-05T10:30",
    ),
    P.sure(
        "dia-5-de-jan",
        "agendar Revisão dia 5 de jan às 10h",
        "2027-01-05T10:00",
        "2027-01-05T10:30",
    ),
    P.sure("4/5-e-4-de-maio", "agendar Revisão 4/5 às 10h", "2027-05-04T10:00", "2027-05-04T10:30"),
    P.sure(
        "2027-01-05", "agendar Revisão 2027-01-05 às 10h", "2027-01-05T10:00", "2027-01-05T10:30"
    ),
    P.sure(
        "05/01/2027", "agendar Revisão 05/01/2027 às 10h", "2027-01-05T10:00", "2027-01-05T10:30"
    ),
    P.refused("31-de-abril", "agendar Revisão 31 de abril às 10h", "schedule", "“31 de abril”"),
    P.refused("24h30", "agendar Revisão amanhã às 24:30", "schedule", "Não consegui ler o horário"),
    P.unsure(
        "mais-de-um-ano",
        "agendar Revisão 5 de janeiro de 2028 às 10h",
        "2028-01-05T10:00",
        "2028-01-05T10:30",
        ("far_ahead",),
        confirm="quarta-feira, 5 de janeiro de 2028 é daqui a mais de um ano",
    ),
    P.sure("1o-de-dezembro", "agendar Revisão 1º de dezembro às 10h", "12-01T10:00", "12-01T10:30"),
    P.sure(
        "virada-do-ano",
        "agendar Revisão dia 2 às 10h",
        "2027-01-02T10:00",
        "2027-01-02T10:30",
        now=DEC31,
        tz="America/Sao_Paulo",
    ),
]

ROWS = [*SHORTHAND, *DURATIONS, *RANGES, *WEEKDAYS, *DATES]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_portuguese_times(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
