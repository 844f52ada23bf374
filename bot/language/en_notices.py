"""English words of reminders and the daily agenda: the commands that set them, and what the
bot says when it posts them by itself."""

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
    "reminders_set": "I'll remind you {minutes} min before each meeting I create for you.",
    "reminders_now_off": "Reminders are off. Type “reminders on” to turn them back on.",
    "reminders_now_on": "Reminders are on: {minutes} min before each meeting I create for you.",
    "agenda_set": "Every weekday at {time} ({zone}) I'll send you the day's meetings.",
    "agenda_now_off": "The daily agenda is off.",
    "snoozed": "I'll remind you again at {time}.",
    "reminder_soon": "Starts in {minutes} min",
    "reminder_now": "Starting now",
    "join": "Join",
    "snooze": "Snooze 5 min",
    "reschedule": "Reschedule",
    "cancel": "Cancel",
    "agenda_title": "Your meetings today",
    "agenda_empty": "Nothing on your calendar today.",
}
