"""German words of reminders and the daily agenda: the commands that set them, and what the
bot says when it posts them by itself."""

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
    "reminders_set": "Ich erinnere dich {minutes} Min vor jedem Meeting, das ich für dich anlege.",
    "reminders_now_off": (
        "Erinnerungen sind aus. Schreib „Erinnerungen an“, um sie wieder einzuschalten."
    ),
    "reminders_now_on": "Erinnerungen sind an: {minutes} Min vor jedem Meeting, das ich anlege.",
    "agenda_set": "An jedem Werktag um {time} ({zone}) schicke ich dir die Meetings des Tages.",
    "agenda_now_off": "Die tägliche Agenda ist aus.",
    "snoozed": "Ich erinnere dich um {time} noch einmal.",
    "reminder_soon": "Beginnt in {minutes} Min",
    "reminder_now": "Beginnt jetzt",
    "join": "Teilnehmen",
    "snooze": "5 Min später",
    "reschedule": "Verschieben",
    "cancel": "Absagen",
    "agenda_title": "Deine Meetings heute",
    "agenda_empty": "Heute steht nichts in deinem Kalender.",
}
