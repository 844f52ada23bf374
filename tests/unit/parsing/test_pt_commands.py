"""Portuguese: the first table of commands, times and refusals."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import (
    FIELDS,
    SP,
    case,
    check,
    ok,
    refused,
    sp,
)

EX_PT = "agendar Revisão amanhã às 15h por 30 min"


def spt(
    id: str,
    text: str,
    start: str,
    end: str,
    subject: str = "Revisão",
    confirm: str | None = None,
    **kw: Any,
) -> Any:
    """A Portuguese `schedule` row in São Paulo whose subject is "Revisão" unless told otherwise."""
    kw.setdefault("tz", SP)
    kw.setdefault("locale", "pt-BR")
    return case(id, text, ok("schedule", subject, sp(start), sp(end), confirm=confirm), **kw)


def pt(id: str, text: str, expected: dict[str, Any], **kw: Any) -> Any:
    kw.setdefault("tz", SP)
    kw.setdefault("locale", "pt-BR")
    return case(id, text, expected, **kw)


SP_NOW, SP_HALF = sp("2026-11-25T10:00"), sp("2026-11-25T10:30")

PORTUGUESE = [
    spt(
        "pt-issue-example",
        "agendar Revisão amanhã às 15h por 30 min",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    pt(
        "pt-marcar-com",
        "marcar Revisão amanhã às 15h30 com ann@x.com",
        ok("schedule", "Revisão", sp("2026-11-26T15:30"), sp("2026-11-26T16:00"), "ann@x.com"),
    ),
    spt(
        "pt-no-accents",
        "AGENDAR Revisao amanha as 15:30",
        "2026-11-26T15:30",
        "2026-11-26T16:00",
        subject="Revisao",
    ),
    pt("pt-reuniao-agora", "reunião agora", ok("meet_now", None, SP_NOW, SP_HALF)),
    pt(
        "pt-reuniao-agora-45",
        "reunião agora Design sync por 45 min",
        ok("meet_now", "Design sync", SP_NOW, sp("2026-11-25T10:45")),
    ),
    pt(
        "pt-reunir-agora-1-hora",
        "reunir agora por 1 hora",
        ok("meet_now", None, SP_NOW, sp("2026-11-25T11:00")),
    ),
    pt(
        "pt-reuniao-hoje-16h",
        "reunião Planejamento hoje às 16h",
        ok("meeting", "Planejamento", sp("2026-11-25T16:00"), sp("2026-11-25T16:30")),
    ),
    pt(
        "pt-reuniao-sem-hora",
        "reunião Planejamento",
        ok("meeting", "Planejamento", SP_NOW, SP_HALF),
    ),
    pt("pt-link-do-teams", "link do teams para Revisão", ok("meeting", "Revisão", SP_NOW, SP_HALF)),
    spt(
        "pt-depois-de-amanha",
        "agendar Revisão depois de amanhã às 9h",
        "2026-11-27T09:00",
        "2026-11-27T09:30",
    ),
    spt("pt-segunda-10h", "agendar Revisão segunda às 10h", "2026-11-30T10:00", "2026-11-30T10:30"),
    spt(
        "pt-segunda-feira-de-manha",
        "agendar Revisão segunda-feira de manhã",
        "2026-11-30T09:00",
        "2026-11-30T09:30",
    ),
    spt(
        "pt-na-proxima-sexta",
        "agendar Revisão na próxima sexta às 14h",
        "2026-11-27T14:00",
        "2026-11-27T14:30",
        confirm=(
            "“na próxima sexta” pode ser esta semana ou a próxima; "
            "entendi sexta-feira, 27 de novembro"
        ),
    ),
    spt(
        "pt-sexta-que-vem",
        "agendar Revisão sexta que vem às 14h",
        "2026-11-27T14:00",
        "2026-11-27T14:30",
        confirm=(
            "“sexta que vem” pode ser esta semana ou a próxima; entendi sexta-feira, 27 de novembro"
        ),
    ),
    spt(
        "pt-quinta-da-semana-que-vem",
        "agendar Revisão quinta da semana que vem às 10h",
        "2026-12-03T10:00",
        "2026-12-03T10:30",
    ),
    spt("pt-na-quinta", "agendar Revisão na quinta às 10h", "2026-11-26T10:00", "2026-11-26T10:30"),
    spt("pt-ao-meio-dia", "agendar Revisão ao meio-dia", "2026-11-25T12:00", "2026-11-25T12:30"),
    spt(
        "pt-amanha-a-tarde",
        "agendar Revisão amanhã à tarde",
        "2026-11-26T14:00",
        "2026-11-26T14:30",
    ),
    spt("pt-hoje-a-noite", "agendar Revisão hoje à noite", "2026-11-25T18:00", "2026-11-25T18:30"),
    spt(
        "pt-3-da-tarde",
        "agendar Revisão amanhã às 3 da tarde",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    spt(
        "pt-9-da-manha",
        "agendar Revisão amanhã às 9 da manhã",
        "2026-11-26T09:00",
        "2026-11-26T09:30",
    ),
    spt(
        "pt-8-da-noite",
        "agendar Revisão amanhã às 8 da noite",
        "2026-11-26T20:00",
        "2026-11-26T20:30",
    ),
    spt(
        "pt-por-1-hora",
        "agendar Revisão por 1 hora amanhã às 10h",
        "2026-11-26T10:00",
        "2026-11-26T11:00",
    ),
    spt(
        "pt-por-1h30",
        "agendar Revisão amanhã às 10h por 1h30",
        "2026-11-26T10:00",
        "2026-11-26T11:30",
    ),
    spt(
        "pt-uma-hora-e-meia",
        "agendar Revisão amanhã às 10h por uma hora e meia",
        "2026-11-26T10:00",
        "2026-11-26T11:30",
    ),
    spt(
        "pt-durante-2-horas",
        "agendar Revisão amanhã às 10h durante 2 horas",
        "2026-11-26T10:00",
        "2026-11-26T12:00",
    ),
    spt(
        "pt-meia-hora",
        "agendar Revisão amanhã às 10h por meia hora",
        "2026-11-26T10:00",
        "2026-11-26T10:30",
    ),
    spt("pt-em-2-horas", "agendar Revisão em 2 horas", "2026-11-25T12:00", "2026-11-25T12:30"),
    spt(
        "pt-daqui-a-30-minutos",
        "agendar Revisão daqui a 30 minutos",
        "2026-11-25T10:30",
        "2026-11-25T11:00",
    ),
    spt(
        "pt-de-15h-as-16h", "agendar Revisão de 15h às 16h", "2026-11-25T15:00", "2026-11-25T16:00"
    ),
    spt(
        "pt-das-15h-as-16h30",
        "agendar Revisão amanhã das 15h às 16h30",
        "2026-11-26T15:00",
        "2026-11-26T16:30",
    ),
    spt(
        "pt-entre", "agendar Revisão amanhã entre 14h e 15h", "2026-11-26T14:00", "2026-11-26T15:00"
    ),
    spt("pt-15h-16h", "agendar Revisão amanhã 15h-16h", "2026-11-26T15:00", "2026-11-26T16:00"),
    spt(
        "pt-do-meio-dia-as-13h",
        "agendar Revisão amanhã do meio-dia às 13h",
        "2026-11-26T12:00",
        "2026-11-26T13:00",
    ),
    spt(
        "pt-3-de-dezembro",
        "agendar Revisão 3 de dezembro às 15h",
        "2026-12-03T15:00",
        "2026-12-03T15:30",
    ),
    spt(
        "pt-dia-3-de-dezembro",
        "agendar Revisão dia 3 de dezembro às 15h",
        "2026-12-03T15:00",
        "2026-12-03T15:30",
    ),
    spt(
        "pt-com-ano",
        "agendar Revisão 3 de dezembro de 2026 às 15h",
        "2026-12-03T15:00",
        "2026-12-03T15:30",
    ),
    spt("pt-3-dez-abreviado", "agendar Revisão 3 dez 15h", "2026-12-03T15:00", "2026-12-03T15:30"),
    spt("pt-barra-dia-mes", "agendar Revisão 3/12 às 15h", "2026-12-03T15:00", "2026-12-03T15:30"),
    spt("pt-dia-3", "agendar Revisão dia 3 às 10h", "2026-12-03T10:00", "2026-12-03T10:30"),
    spt(
        "pt-1o-de-dezembro",
        "agendar Revisão 1º de dezembro às 10h",
        "2026-12-01T10:00",
        "2026-12-01T10:30",
    ),
    spt(
        "pt-para-amanha",
        "agendar Revisão para amanhã às 15h",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    spt("pt-as-15-sem-h", "agendar Revisão amanhã às 15", "2026-11-26T15:00", "2026-11-26T15:30"),
    spt(
        "pt-as-3-e-tarde",
        "agendar Revisão amanhã às 3",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        confirm="“às 3” pode ser 03:00 ou 15:00; entendi 15:00",
    ),
    spt("pt-as-7h-e-manha", "agendar Revisão amanhã às 7h", "2026-11-26T07:00", "2026-11-26T07:30"),
    spt(
        "pt-fim-do-dia", "agendar Revisão amanhã fim do dia", "2026-11-26T17:00", "2026-11-26T17:30"
    ),
    spt(
        "pt-com-todos",
        "agendar Revisão amanhã às 15h com todos",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    pt(
        "pt-sem-assunto",
        "agendar com ann@x.com amanhã às 15h",
        ok(
            "schedule",
            "Reunião com Ann",
            sp("2026-11-26T15:00"),
            sp("2026-11-26T15:30"),
            "ann@x.com",
        ),
    ),
    pt(
        "pt-mencao-e-email",
        "agendar uma reunião com <at>Ann Lee</at> e bob@y.com amanhã às 15h",
        ok(
            "schedule",
            "Reunião com Ann Lee e Bob",
            sp("2026-11-26T15:00"),
            sp("2026-11-26T15:30"),
            "29:ann",
            "bob@y.com",
        ),
    ),
    pt("pt-agendar-sozinho", "agendar", ok("schedule", None, None, None)),
    pt(
        "pt-agora-no-fim",
        "reunião com <at>Bob</at> agora",
        ok("meeting", "Reunião com Bob", SP_NOW, SP_HALF, "29:bob"),
    ),
    pt(
        "pt-reuniao-generica",
        "marcar reunião amanhã 15h",
        ok("schedule", None, sp("2026-11-26T15:00"), sp("2026-11-26T15:30")),
    ),
    spt(
        "pt-hora-antes-do-dia",
        "agendar Revisão às 15h de amanhã",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
    ),
    spt(
        "pt-terca-14h-as-15h",
        "agendar Revisão terça 14h às 15h",
        "2026-12-01T14:00",
        "2026-12-01T15:00",
    ),
    spt("pt-ate", "agendar Revisão amanhã às 14h até 15h", "2026-11-26T14:00", "2026-11-26T15:00"),
    spt(
        "pt-10-de-janeiro",
        "agendar Revisão 10 de janeiro às 10h",
        "2027-01-10T10:00",
        "2027-01-10T10:30",
    ),
    pt(
        "pt-na-sexta",
        "minhas reuniões na sexta",
        ok("list", None, sp("2026-11-27T00:00"), sp("2026-11-28T00:00")),
    ),
    pt("pt-minhas-reunioes", "minhas reuniões", ok("list", None, SP_NOW, sp("2026-12-02T10:00"))),
    pt(
        "pt-hoje",
        "minhas reuniões hoje",
        ok("list", None, sp("2026-11-25T00:00"), sp("2026-11-26T00:00")),
    ),
    pt(
        "pt-de-amanha",
        "minhas reuniões de amanhã",
        ok("list", None, sp("2026-11-26T00:00"), sp("2026-11-27T00:00")),
    ),
    pt(
        "pt-semana-que-vem",
        "agenda da semana que vem",
        ok("list", None, sp("2026-11-30T00:00"), sp("2026-12-07T00:00")),
    ),
    pt(
        "pt-esta-semana",
        "minhas reuniões esta semana",
        ok("list", None, sp("2026-11-23T00:00"), sp("2026-11-30T00:00")),
    ),
    pt("pt-cancelar", "cancelar Revisão", ok("cancel", "Revisão", None, None)),
    pt("pt-cancelar-a-reuniao", "cancelar a reunião Revisão", ok("cancel", "Revisão", None, None)),
    pt("pt-ajuda", "ajuda", ok("help", None, None, None)),
    pt(
        "english-under-pt-locale",
        "schedule Budget review tomorrow 3pm",
        ok("schedule", "Budget review", sp("2026-11-26T15:00"), sp("2026-11-26T15:30")),
    ),
    spt(
        "portuguese-under-en-locale",
        "agendar Revisão amanhã às 15h",
        "2026-11-26T15:00",
        "2026-11-26T15:30",
        locale="en-US",
    ),
    pt(
        "pt-ontem",
        "agendar Revisão ontem às 15h",
        refused(
            "schedule",
            f"“ontem às 15h” já passou. Escolha um horário a partir de agora, por exemplo: {EX_PT}",
        ),
    ),
    pt(
        "pt-hoje-passou",
        "agendar Revisão hoje às 9h",
        refused(
            "schedule",
            f"“hoje às 9h” já passou. Escolha um horário a partir de agora, por exemplo: {EX_PT}",
        ),
    ),
    pt(
        "pt-data-sem-hora",
        "agendar Revisão amanhã",
        refused(
            "schedule", "“amanhã” não tem horário. Acrescente um, por exemplo: “amanhã às 15h”"
        ),
    ),
    pt(  # issue 11: a typo is read and confirmed, no longer refused
        "pt-erro-de-digitacao",
        "agendar Revisão amnhã às 15h",
        ok(
            "schedule",
            "Revisão",
            sp("2026-11-26T15:00"),
            sp("2026-11-26T15:30"),
            confirm="Entendi “amnhã” como “amanhã”",
            doubts=("corrected",),
        ),
    ),
    pt(
        "pt-25h",
        "agendar Revisão amanhã às 25h",
        refused("schedule", f"Não consegui ler o horário em “às 25h”. Tente: {EX_PT}"),
    ),
    pt(
        "pt-sem-horario",
        "agendar Revisão",
        refused("schedule", f"Quando deve começar? Informe dia e horário, por exemplo: {EX_PT}"),
    ),
    pt(
        "pt-reuniao-agora-com-hora",
        "reunião agora amanhã às 15h",
        refused(
            "meet_now",
            "“reunião agora” começa imediatamente, então não posso usar “amanhã às 15h”. "
            "Para escolher um horário, tente: reunião Revisão do orçamento amanhã às 15h",
        ),
    ),
    pt(
        "pt-cancelar-o-que",
        "cancelar",
        refused(
            "cancel",
            "Qual reunião devo cancelar? Diga o nome, por exemplo: cancelar Revisão do orçamento",
        ),
    ),
    pt(
        "pt-nao-entendi",
        "bla bla",
        refused(
            "unknown",
            f"Não entendi “bla bla”. Tente: {EX_PT}, reunião agora, minhas reuniões ou ajuda",
        ),
    ),
    pt(
        "english-sentence-english-error",
        "schedule X yesterday 3pm",
        refused(
            "schedule",
            "“yesterday 3pm” is in the past. Pick a time from now on, "
            "e.g. schedule Budget review tomorrow 3pm for 30m",
        ),
    ),
]

ROWS = [*PORTUGUESE]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_portuguese(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
