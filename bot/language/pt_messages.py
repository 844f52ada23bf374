"""Portuguese messages of the command parser: refusals, confirmations and examples."""

from __future__ import annotations

MESSAGES = {
    "too_long": (
        "Essa mensagem é longa demais para mim ({n} caracteres; leio até {limit}). "
        "Envie um comando curto, por exemplo: {example}"
    ),
    "unknown": ("Não entendi “{text}”. Tente: {example}, reunião agora, minhas reuniões ou ajuda"),
    "bad_time": "Não consegui ler o horário em “{text}”. Tente: {example}",
    "bad_duration": (
        "Não consegui ler a duração em “{text}”. Tente: por 45 min, por 1h30 ou por 1,5 hora"
    ),
    "duration_limits": (
        "Uma reunião deve durar entre 1 minuto e 24 horas, então “{text}” não serve. "
        "Tente: por 45 min"
    ),
    "two_dates": (
        "Encontrei duas datas, “{a}” e “{b}”; informe só uma. "
        "Se o assunto citar um dia, coloque-o entre aspas, por exemplo: {example}"
    ),
    "two_times": (
        "Encontrei dois horários, “{a}” e “{b}”; informe só um. "
        "Se o assunto tiver um horário, coloque-o entre aspas, por exemplo: {example}"
    ),
    "two_durations": "Encontrei duas durações, “{a}” e “{b}”; informe só uma.",
    "need_time": "Quando deve começar? Informe dia e horário, por exemplo: {example}",
    "need_time_for": "“{text}” não tem horário. Acrescente um, por exemplo: “{text} às 15h”",
    "past": "“{text}” já passou. Escolha um horário a partir de agora, por exemplo: {example}",
    "range_and_duration": (
        "Você informou um horário de término (“{a}”) e uma duração (“{b}”); informe só um dos dois."
    ),
    "end_before_start": (
        "Em “{text}” a reunião terminaria antes de começar. Tente: das 15h às 16h30"
    ),
    "unknown_mention": (
        "Não encontrei “{text}” nesta conversa. "
        "Mencione a pessoa de novo com @ ou use o e-mail dela."
    ),
    "cancel_what": "Qual reunião devo cancelar? Diga o nome, por exemplo: {example}",
    "list_range": (
        "Posso listar suas reuniões de hoje, amanhã, desta semana, da próxima semana "
        "ou de um dia, mas não entendi “{text}”. Tente: {example}"
    ),
    "meet_now_time": (
        "“reunião agora” começa imediatamente, então não posso usar “{text}”. "
        "Para escolher um horário, tente: {example}"
    ),
    "weekday_mismatch": "“{text}” não confere: essa data é {weekday}.",
    "default_subject": "Reunião com {names}",
    "everyone": "todos",
    "and": "e",
    "example_meet_now": "reunião agora Design sync por 45 min",
    "example_meeting": "reunião Revisão do orçamento amanhã às 15h",
    "example_schedule": "agendar Revisão amanhã às 15h por 30 min",
    "example_list": "minhas reuniões amanhã",
    "example_cancel": "cancelar Revisão do orçamento",
    "example_quoted": "agendar “Planejamento de segunda” amanhã às 15h",
    "two_zones": "Encontrei dois fusos horários, “{a}” e “{b}”; informe só um.",
    "confirm_am_pm": "“{text}” pode ser {a} ou {b}; entendi {value}",
    "confirm_corrected": "Entendi “{text}” como “{value}”",
    "confirm_suspect": "“{text}” parece “{value}”, mas deixei no assunto",
    "confirm_command": "Entendi “{text}” como o comando “{value}”",
    "confirm_far_ahead": "{value} é daqui a mais de um ano",
    "confirm_zone": "“{text}” pode ser mais de um fuso horário; entendi {value}",
    "confirm_weekday": "“{text}” pode ser esta semana ou a próxima; entendi {value}",
    "confirm_no_unit": "“{text}” não tem unidade; entendi {value} minutos",
    "date": "{weekday}, {day} de {month}",
    "date_year": "{weekday}, {day} de {month} de {year}",
    "repeat_until_past": "A série não pode terminar (“{text}”) antes da primeira reunião.",
    "find_window": (
        "Posso procurar um horário hoje, amanhã, num dia, esta semana ou na próxima semana, "
        "mas não entendi “{text}”. Tente: {example}"
    ),
    "example_find": "encontrar um horário com ana@contoso.com amanhã por 30 min",
}
