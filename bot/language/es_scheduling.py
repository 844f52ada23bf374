"""Spanish words for recurring meetings and meeting options (bot.parsing.extras reads them)."""

from __future__ import annotations

from bot.language.schema import SchedulingWords

SCHEDULING: SchedulingWords = {
    "repeat_every": ("cada", "todos los", "todas las"),
    "repeat_other": (),
    "repeat_weekdays": (
        "día laborable",
        "días laborables",
        "día hábil",
        "días hábiles",
        "día de semana",
        "días de semana",
    ),
    "repeat_days": ("día", "días"),
    "repeat_adverbs": {
        "diariamente": "daily",
        "semanalmente": "weekly",
        "quincenalmente": "fortnightly",
        "mensualmente": "monthly",
    },
    "repeat_monthly": ("mensualmente", "cada mes", "todos los meses"),
    "repeat_of_month": ("del mes", "de cada mes"),
    "repeat_fillers": ("el", "la", "en", "el día"),
    "week_index": {
        "primer": "first",
        "primero": "first",
        "primera": "first",
        "segundo": "second",
        "segunda": "second",
        "tercer": "third",
        "tercero": "third",
        "tercera": "third",
        "cuarto": "fourth",
        "cuarta": "fourth",
        "último": "last",
        "última": "last",
    },
    "repeat_until": ("hasta", "hasta el"),
    "repeat_times": ("veces", "sesiones"),
    "month_units": ("meses", "mes"),
    "meeting_options": {
        "lobby_off": ("sin sala de espera", "sin lobby", "lobby desactivado"),
        "only_me_present": ("solo yo presento", "sólo yo presento", "solamente yo presento"),
        "record": ("grabar", "con grabación", "grabarla"),
        "chat_off": ("sin chat", "chat desactivado"),
    },
}
