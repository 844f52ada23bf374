"""Portuguese words for recurring meetings and meeting options (bot.parsing.extras reads them)."""

from __future__ import annotations

from bot.language.schema import SchedulingWords

SCHEDULING: SchedulingWords = {
    "repeat_every": ("toda", "todo", "todas as", "todos os", "cada", "a cada"),
    "repeat_other": (),
    "repeat_weekdays": ("dia útil", "dias úteis"),
    "repeat_days": ("dia", "dias"),
    "repeat_adverbs": {
        "diariamente": "daily",
        "semanalmente": "weekly",
        "quinzenalmente": "fortnightly",
        "mensalmente": "monthly",
    },
    "repeat_monthly": ("mensalmente", "todo mês", "todos os meses", "cada mês"),
    "repeat_of_month": ("do mês", "de cada mês", "de todo mês"),
    "repeat_fillers": ("na", "no", "em", "a", "o", "no dia", "dia"),
    "week_index": {
        "primeira": "first",
        "primeiro": "first",
        "segunda": "second",
        "segundo": "second",
        "terceira": "third",
        "terceiro": "third",
        "quarta": "fourth",
        "quarto": "fourth",
        "última": "last",
        "último": "last",
    },
    "repeat_until": ("até", "até o dia", "até dia"),
    "repeat_times": ("vezes", "ocorrências", "encontros"),
    "month_units": ("meses", "mês"),
    "meeting_options": {
        "lobby_off": (
            "sem sala de espera",
            "sem lobby",
            "lobby desligado",
            "sala de espera desligada",
        ),
        "only_me_present": ("só eu apresento", "somente eu apresento", "apenas eu apresento"),
        "record": ("gravar", "com gravação", "gravar a reunião", "e gravar"),
        "chat_off": ("sem chat", "chat desligado", "chat desativado"),
    },
}
