"""Spanish words of reminders and the daily agenda: the commands that set them, and what the
parser answers when it cannot read one (the cards are in the gettext catalogs, cards/locales)."""

from __future__ import annotations

COMMANDS = {
    "remind": ("recuérdame", "recordarme", "recordatorio", "recordatorios", "avísame"),
    "reminders_off": (
        "recordatorios off",
        "desactivar recordatorios",
        "desactiva los recordatorios",
        "apagar recordatorios",
        "sin recordatorios",
    ),
    "reminders_on": (
        "recordatorios on",
        "activar recordatorios",
        "activa los recordatorios",
        "encender recordatorios",
    ),
    "agenda_daily": ("agenda diaria", "agenda todos los días", "agenda cada día"),
    "agenda_off": (
        "agenda off",
        "agenda diaria off",
        "desactivar agenda",
        "desactivar la agenda diaria",
        "sin agenda diaria",
    ),
}
BEFORE = ("antes", "antes de cada reunión", "de antelación")

MESSAGES = {
    "remind_how_long": "¿Cuánto tiempo antes de cada reunión te aviso? Prueba: {example}",
    "agenda_when": "¿A qué hora te envío la agenda? Prueba: {example}",
    "example_remind": "recuérdame 5 min antes",
    "example_agenda": "agenda diaria a las 8:30",
}
