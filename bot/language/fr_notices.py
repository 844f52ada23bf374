"""French words of reminders and the daily agenda: the commands that set them, and what the
parser answers when it cannot read one (the cards are in the gettext catalogs, cards/locales)."""

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
}
