"""German words of reminders and the daily agenda: the commands that set them, and what the
parser answers when it cannot read one (the cards are in the gettext catalogs, cards/locales)."""

from __future__ import annotations

COMMANDS = {
    "remind": ("erinnere mich", "erinner mich", "erinnerung", "erinnerungen"),
    "reminders_off": (
        "erinnerungen aus",
        "erinnerungen ausschalten",
        "erinnerungen deaktivieren",
        "keine erinnerungen",
    ),
    "reminders_on": (
        "erinnerungen an",
        "erinnerungen ein",
        "erinnerungen einschalten",
        "erinnerungen aktivieren",
    ),
    "agenda_daily": ("tägliche agenda", "agenda täglich", "tagesagenda", "agenda jeden tag"),
    "agenda_off": (
        "agenda aus",
        "tägliche agenda aus",
        "tagesagenda aus",
        "keine agenda",
        "keine tägliche agenda",
    ),
}
BEFORE = ("vorher", "davor", "im voraus", "vor jedem meeting", "vor jedem termin")

MESSAGES = {
    "remind_how_long": "Wie lange vor jedem Meeting soll ich dich erinnern? Versuch: {example}",
    "agenda_when": "Um wie viel Uhr soll ich dir die Agenda schicken? Versuch: {example}",
    "example_remind": "erinnere mich 5 Min vorher",
    "example_agenda": "tägliche Agenda um 8:30",
}
