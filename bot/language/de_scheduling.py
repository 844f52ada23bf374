"""German words for recurring meetings and meeting options (bot.parsing.extras reads them)."""

from __future__ import annotations

from bot.language.schema import SchedulingWords

SCHEDULING: SchedulingWords = {
    "repeat_every": ("jeden", "jede", "jedes", "alle"),
    "repeat_other": ("zweiten", "zweite", "zweites"),
    "repeat_weekdays": ("Werktag", "Arbeitstag"),
    "repeat_days": ("Tag",),
    "repeat_adverbs": {
        "täglich": "daily",
        "wöchentlich": "weekly",
        "zweiwöchentlich": "fortnightly",
        "monatlich": "monthly",
        "werktags": "weekdays",
    },
    "repeat_monthly": ("monatlich", "jeden Monat"),
    "repeat_of_month": ("im Monat", "des Monats", "jeden Monats"),
    "repeat_fillers": ("am", "an", "den", "dem"),
    "week_index": {
        "ersten": "first",
        "erste": "first",
        "zweiten": "second",
        "dritten": "third",
        "vierten": "fourth",
        "letzten": "last",
        "letzte": "last",
    },
    "repeat_until": ("bis", "bis zum", "bis einschließlich"),
    "repeat_times": ("Mal", "Termine"),
    "month_units": ("Monate", "Monaten", "Monat"),
    "meeting_options": {
        "lobby_off": ("ohne Lobby", "Lobby aus", "ohne Wartebereich", "Wartebereich aus"),
        "only_me_present": ("nur ich präsentiere", "nur ich präsentieren", "nur ich stelle vor"),
        "record": ("aufzeichnen", "mit Aufzeichnung"),
        "chat_off": ("ohne Chat", "Chat aus"),
    },
}
