"""Portuguese written as chat (issue 11): other time zones, polite wrappers, questions for the
agenda ("agenda uma reunião" schedules), attendees, subjects and command typos."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

P = Lang("pt-BR", "America/Sao_Paulo", "-03:00", "Revisão")
PT = Lang("pt-PT", "Europe/Lisbon", "+00:00", "Revisão")
SAO, LIS = "America/Sao_Paulo", "Europe/Lisbon"

ZONES = [
    P.sure(
        "horario-de-brasilia",
        "agendar Revisão amanhã às 10h horário de Brasília",
        "26T10:00",
        "26T10:30",
        zone=SAO,
    ),
    PT.sure(
        "horario-de-brasilia-em-lisboa",
        "agendar Revisão amanhã às 10h horário de Brasília",
        "26T13:00",
        "26T13:30",
        zone=SAO,
    ),
    PT.sure("brt-em-lisboa", "agendar Revisão amanhã às 10h BRT", "26T13:00", "26T13:30", zone=SAO),
    P.sure(
        "hora-de-lisboa",
        "agendar Revisão amanhã às 10h hora de Lisboa",
        "26T07:00",
        "26T07:30",
        zone=LIS,
    ),
    P.sure(
        "hora-de-portugal",
        "agendar Revisão amanhã às 10h hora de Portugal",
        "26T07:00",
        "26T07:30",
        zone=LIS,
    ),
    P.sure(
        "et", "agendar Revisão amanhã às 10h ET", "26T12:00", "26T12:30", zone="America/New_York"
    ),
    P.sure("utc", "agendar Revisão amanhã às 13h UTC", "26T10:00", "26T10:30", zone="UTC"),
    P.sure(
        "gmt-3", "agendar Revisão amanhã às 10h GMT-3", "26T10:00", "26T10:30", zone="UTC-03:00"
    ),
    P.sure("cet", "agendar Revisão amanhã às 14h CET", "26T10:00", "26T10:30", zone="Europe/Paris"),
    P.sure("jst", "agendar Revisão amanhã às 22h JST", "26T10:00", "26T10:30", zone="Asia/Tokyo"),
    P.sure(
        "mais-05:30",
        "agendar Revisão amanhã às 18h30 +05:30",
        "26T10:00",
        "26T10:30",
        zone="UTC+05:30",
    ),
    P.unsure(
        "ist",
        "agendar Revisão amanhã às 18h30 IST",
        "26T10:00",
        "26T10:30",
        ("zone",),
        zone="Asia/Kolkata",
        confirm="“IST” pode ser mais de um fuso horário; entendi Asia/Kolkata",
    ),
    P.unsure(
        "cst",
        "agendar Revisão amanhã às 10h CST",
        "26T13:00",
        "26T13:30",
        ("zone",),
        zone="America/Chicago",
    ),
    P.sure(
        "pt-nao-e-fuso-no-assunto",
        "agendar Revisão equipe PT amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "Revisão equipe PT",
    ),
]

WRAPPERS = [
    P.sure(
        "marca-uma-call",
        "marca uma call com ana@x.com amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "Reunião com Ana",
        "ana@x.com",
    ),
    P.unsure(
        "podemos-fazer",
        "podemos fazer uma reunião amanhã às 10?",
        "26T10:00",
        "26T10:30",
        ("am_pm",),
        None,
    ),
    P.sure(
        "por-favor",
        "por favor, agende a Revisão amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "a Revisão",
    ),
    P.sure("voce-pode", "você pode marcar Revisão amanhã às 10h?", "26T10:00", "26T10:30"),
    P.sure("obrigado-no-fim", "agendar Revisão amanhã às 10h, obrigado", "26T10:00", "26T10:30"),
    P.sure("valeu", "agendar Revisão amanhã às 10h valeu", "26T10:00", "26T10:30"),
    P.sure("oi-bot", "oi bot, agendar Revisão amanhã às 10h", "26T10:00", "26T10:30"),
    P.sure("preciso", "preciso marcar Revisão amanhã às 10h", "26T10:00", "26T10:30"),
    P.sure(
        "agenda-uma-reuniao-agenda",
        "agenda uma reunião amanhã às 10h",
        "26T10:00",
        "26T10:30",
        None,
    ),
    P.sure(
        "agenda-reuniao-com",
        "agenda Revisão com ana@x.com amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "Revisão",
        "ana@x.com",
    ),
]

AGENDA = [
    P.day("o-que-tenho-amanha", "o que tenho amanhã?", "26", "27"),
    P.day("o-que-eu-tenho-na-sexta", "o que eu tenho na sexta?", "27", "28"),
    P.day("agenda-amanha-e-lista", "agenda amanhã", "26", "27"),
    P.day("agenda-de-hoje", "agenda de hoje", "25", "26"),
    P.day("meus-compromissos-semana-que-vem", "meus compromissos semana que vem", "30", "12-07"),
    P.day("o-que-tenho-esta-semana", "o que tenho esta semana", "23", "30"),
]

PEOPLE = [
    P.sure(
        "dois-emails-com-e",
        "agendar Revisão amanhã às 10h com ana@x.com e bia@x.com",
        "26T10:00",
        "26T10:30",
        "Revisão",
        "ana@x.com",
        "bia@x.com",
    ),
    P.sure(
        "tres-emails",
        "agendar Revisão com ana@x.com, bia@x.com e caio@x.com amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "Revisão",
        "ana@x.com",
        "bia@x.com",
        "caio@x.com",
    ),
    P.sure(
        "cc",
        "agendar Revisão amanhã às 10h cc ana@x.com",
        "26T10:00",
        "26T10:30",
        "Revisão",
        "ana@x.com",
    ),
    P.sure(
        "almoco-com-marketing",
        "agendar Almoço com o marketing amanhã às 12h",
        "26T12:00",
        "26T12:30",
        "Almoço com o marketing",
    ),
    P.sure(
        "prazo-das-17h",
        "agendar prazo das 17h amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "prazo das 17h",
    ),
    P.sure(
        "mencao",
        "agendar Revisão com <at>Ann Lee</at> amanhã às 10h",
        "26T10:00",
        "26T10:30",
        "Revisão",
        "29:ann",
    ),
]

TYPOS = [
    P.unsure(
        "reuniao-agroa",
        "reunião agroa",
        "25T10:00",
        "25T10:30",
        ("command",),
        None,
        kind="meet_now",
    ),
    P.unsure(
        "agedar",
        "agedar Revisão amanhã às 10h",
        "26T10:00",
        "26T10:30",
        ("command",),
        confirm="Entendi “agedar” como o comando “agendar”",
    ),
    P.unsure("cancelra", "cancelra Revisão", None, None, ("command",), kind="cancel"),
    P.day("minhas-reunioes-sem-acento", "minhas reunioes amanhã", "26", "27"),
    P.unsure(
        "minhas-reuniose",
        "minhas reuniose amanhã",
        "26T00:00",
        "27T00:00",
        ("command",),
        None,
        kind="list",
    ),
    P.refused("nao-e-comando", "bom dia a todos", "unknown", "Não entendi “bom dia a todos”"),
]

ROWS = [*ZONES, *WRAPPERS, *AGENDA, *PEOPLE, *TYPOS]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_portuguese_chat(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
