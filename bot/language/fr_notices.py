"""French words of reminders and the daily agenda: the commands that set them, and what the
bot says when it posts them by itself."""

from __future__ import annotations

COMMANDS = {
    "remind": ("rappelle-moi", "rappelez-moi", "rappel", "rappels", "préviens-moi"),
    "reminders_off": (
        "rappels off",
        "rappels désactivés",
        "désactiver les rappels",
        "désactive les rappels",
        "pas de rappels",
        "plus de rappels",
    ),
    "reminders_on": (
        "rappels on",
        "rappels activés",
        "activer les rappels",
        "active les rappels",
    ),
    "agenda_daily": ("agenda quotidien", "agenda chaque jour", "agenda tous les jours"),
    "agenda_off": (
        "agenda off",
        "agenda quotidien off",
        "désactiver l'agenda",
        "pas d'agenda",
        "plus d'agenda",
    ),
}
BEFORE = ("avant", "à l'avance", "avant chaque réunion")

MESSAGES = {
    "remind_how_long": (
        "Combien de temps avant chaque réunion dois-je vous prévenir ? Essayez : {example}"
    ),
    "agenda_when": "À quelle heure dois-je envoyer votre agenda ? Essayez : {example}",
    "example_remind": "rappelle-moi 5 min avant",
    "example_agenda": "agenda quotidien à 8h30",
    "reminders_set": "Je vous préviendrai {minutes} min avant chaque réunion que je crée.",
    "reminders_now_off": "Rappels désactivés. Écrivez « activer les rappels » pour les réactiver.",
    "reminders_now_on": "Rappels activés : {minutes} min avant chaque réunion que je crée.",
    "agenda_set": "Chaque jour ouvré à {time} ({zone}), je vous enverrai les réunions du jour.",
    "agenda_now_off": "L'agenda quotidien est désactivé.",
    "snoozed": "Je vous préviendrai de nouveau à {time}.",
    "reminder_soon": "Commence dans {minutes} min",
    "reminder_now": "Commence maintenant",
    "join": "Rejoindre",
    "snooze": "Dans 5 min",
    "reschedule": "Reporter",
    "cancel": "Annuler",
    "agenda_title": "Vos réunions aujourd'hui",
    "agenda_empty": "Rien dans votre agenda aujourd'hui.",
}
