"""Portuguese vocabulary and messages for the command parser."""

from __future__ import annotations

from bot.language.schema import Language

PT = Language(
    code="pt",
    commands={
        "meet_now": (
            "reunião agora",
            "reunir agora",
            "reunião instantânea",
            "reunião rápida",
            "chamada agora",
            "ligar agora",
            "iniciar reunião",
            "começar reunião",
        ),
        "meeting": (
            "reunião",
            "link",
            "link do teams",
            "link da reunião",
            "link de reunião",
            "nova reunião",
            "criar link",
        ),
        "schedule": ("agendar", "agende", "marcar", "marque", "planejar", "organizar", "criar"),
        "list": (
            "minhas reuniões",
            "minha agenda",
            "agenda",
            "próximas reuniões",
            "listar",
            "listar reuniões",
            "reuniões",
            "mostrar reuniões",
            "mostrar minhas reuniões",
        ),
        "cancel": ("cancelar", "cancele", "desmarcar", "desmarque", "excluir", "cancelar reunião"),
        "help": ("ajuda", "?", "comandos", "socorro", "o que você faz"),
    },
    meet_flexible=(),
    preambles=("por favor", "pode", "você pode", "poderia", "oi", "olá", "bot", "/"),
    schedule_fillers=(
        "uma reunião",
        "uma chamada",
        "uma call",
        "um evento",
        "uma reunião do teams",
    ),
    generic_subjects=("reunião", "chamada", "call", "evento", "reunião do teams"),
    cancel_fillers=("a reunião", "minha reunião", "reunião", "a", "o", "minha", "meu"),
    now=("agora", "agora mesmo"),
    today=("hoje",),
    tomorrow=("amanhã",),
    day_after_tomorrow=("depois de amanhã",),
    yesterday=("ontem", "anteontem"),
    tonight=("hoje à noite", "esta noite", "nesta noite"),
    weekdays=(
        ("segunda-feira", "segunda feira", "segunda"),
        ("terça-feira", "terça feira", "terça"),
        ("quarta-feira", "quarta feira", "quarta"),
        ("quinta-feira", "quinta feira", "quinta"),
        ("sexta-feira", "sexta feira", "sexta"),
        ("sábado",),
        ("domingo",),
    ),
    months=(
        ("janeiro", "jan"),
        ("fevereiro", "fev"),
        ("março", "mar"),
        ("abril", "abr"),
        ("maio", "mai"),
        ("junho", "jun"),
        ("julho", "jul"),
        ("agosto", "ago"),
        ("setembro", "set"),
        ("outubro", "out"),
        ("novembro", "nov"),
        ("dezembro", "dez"),
    ),
    on=("na", "no", "em", "para", "pra"),
    next=("próxima", "próximo"),
    this=("esta", "este", "nesta", "neste", "essa", "esse", "nessa", "nesse"),
    next_suffix=("que vem",),
    next_week_suffix=(
        "da semana que vem",
        "da próxima semana",
        "na semana que vem",
        "na próxima semana",
    ),
    ordinals=("º", "°", "o"),
    day_month_joiners=("de",),
    year_joiners=("de",),
    day_prefixes=("dia", "o dia"),
    lone_day_needs_ordinal=False,
    month_first_locales=(),
    at=("às", "ao", "a partir das", "a partir de", "lá pelas", "por volta das", "pelas"),
    am=(),
    pm=(),
    hour_markers=("h", "hs"),
    range_from=("de", "das", "da", "do", "entre"),
    range_to=("às", "até", "até as", "até às", "até o", "ao", "a", "e", "-", "–", "—"),
    noon=("meio-dia", "meio dia"),
    midnight=("meia-noite", "meia noite"),
    end_of_day=("fim do dia", "final do dia", "fim do expediente", "final do expediente"),
    periods={
        "morning": ("manhã",),
        "afternoon": ("tarde",),
        "evening": ("noite",),
    },
    period_preps=("de", "da", "à", "pela", "na", "no período da"),
    relative=("em", "daqui a", "dentro de", "daqui"),
    duration_preps=("por", "durante", "com duração de"),
    hour_units=("horas", "hora"),
    hour_units_short=("h",),
    minute_units=("minutos", "minuto", "mins", "min"),
    minute_units_short=("m",),
    day_units=("dias", "dia"),
    week_units=("semanas", "semana"),
    number_words={
        "um": 1,
        "uma": 1,
        "dois": 2,
        "duas": 2,
        "três": 3,
        "quatro": 4,
        "cinco": 5,
        "seis": 6,
        "dez": 10,
        "quinze": 15,
        "vinte": 20,
        "trinta": 30,
        "quarenta e cinco": 45,
    },
    duration_phrases={
        "meia hora": 30,
        "uma hora e meia": 90,
        "1 hora e meia": 90,
        "um quarto de hora": 15,
    },
    with_words=("com", "convidando", "convide", "e"),
    list_joiners=(",", "e", "&", "+", ";"),
    everyone=("todos", "todo mundo", "todo o mundo", "@todos", "@everyone", "toda a equipe"),
    this_week=("esta semana", "nesta semana", "essa semana", "nessa semana", "da semana"),
    next_week=(
        "próxima semana",
        "semana que vem",
        "na próxima semana",
        "na semana que vem",
        "da próxima semana",
        "da semana que vem",
    ),
    list_preps=("de", "para", "pra", "da", "do"),
    subject_lead=("sobre", "para", "pra", "de", "do", "da", "chamada", "chamado", "intitulada"),
    subject_trail=("às", "com", "para", "em", "no", "na", "de", "e", "por favor", "por", "a", "o"),
    messages={
        "too_long": (
            "Essa mensagem é longa demais para mim ({n} caracteres; leio até {limit}). "
            "Envie um comando curto, por exemplo: {example}"
        ),
        "unknown": (
            "Não entendi “{text}”. Tente: {example}, reunião agora, minhas reuniões ou ajuda"
        ),
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
            "Você informou um horário de término (“{a}”) e uma duração (“{b}”); "
            "informe só um dos dois."
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
    },
)
