"""French words for recurring meetings and meeting options (bot.parsing.extras reads them)."""

from __future__ import annotations

from bot.language.schema import SchedulingWords

SCHEDULING: SchedulingWords = {
    "repeat_every": ("chaque", "tous les", "toutes les"),
    "repeat_other": (),
    "repeat_weekdays": (
        "jour ouvré",
        "jours ouvrés",
        "jour ouvrable",
        "jours ouvrables",
        "jour de semaine",
        "jours de semaine",
    ),
    "repeat_days": ("jour", "jours"),
    "repeat_adverbs": {
        "quotidiennement": "daily",
        "hebdomadairement": "weekly",
        "mensuellement": "monthly",
    },
    "repeat_monthly": ("mensuellement", "chaque mois", "tous les mois"),
    "repeat_of_month": ("du mois", "de chaque mois"),
    "repeat_fillers": ("le", "la", "au"),
    "week_index": {
        "premier": "first",
        "1er": "first",
        "première": "first",
        "deuxième": "second",
        "second": "second",
        "troisième": "third",
        "quatrième": "fourth",
        "dernier": "last",
        "dernière": "last",
    },
    "repeat_until": ("jusqu'au", "jusqu'à", "jusqu'à la", "jusqu'au jour"),
    "repeat_times": ("fois", "séances"),
    "month_units": ("mois",),
    "meeting_options": {
        "lobby_off": ("sans salle d'attente", "sans lobby", "lobby désactivé"),
        "only_me_present": (
            "moi seul présente",
            "seulement moi présente",
            "je suis le seul présentateur",
            "je suis la seule présentatrice",
        ),
        "record": ("enregistrer", "avec enregistrement", "l'enregistrer"),
        "chat_off": ("sans chat", "chat désactivé", "sans conversation"),
    },
}
