"""English words of reminders and the daily agenda: the commands that set them, and what the
parser answers when it cannot read one (the cards are in the gettext catalogs, cards/locales)."""

from __future__ import annotations

COMMANDS = {
    "remind": ("remind me", "remind", "reminder", "reminders", "set reminders"),
    "reminders_off": (
        "reminders off",
        "turn off reminders",
        "turn reminders off",
        "stop reminders",
        "no reminders",
        "disable reminders",
        "mute reminders",
    ),
    "reminders_on": (
        "reminders on",
        "turn on reminders",
        "turn reminders on",
        "enable reminders",
        "start reminders",
    ),
    "agenda_daily": ("agenda daily", "daily agenda", "agenda every day", "agenda every weekday"),
    "agenda_off": (
        "agenda off",
        "daily agenda off",
        "stop agenda",
        "stop daily agenda",
        "no daily agenda",
        "no agenda",
    ),
}
BEFORE = ("before", "ahead", "earlier", "in advance", "before meetings", "before each meeting")

MESSAGES = {
    "remind_how_long": "How long before each meeting should I remind you? Try: {example}",
    "agenda_when": "At what time should I send your agenda? Try: {example}",
    "example_remind": "remind me 5 min before",
    "example_agenda": "agenda daily at 8:30",
}
