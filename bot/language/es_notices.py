"""Spanish words of reminders and the daily agenda: the commands that set them, and what the
bot says when it posts them by itself."""

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
    "reminders_set": "Te avisaré {minutes} min antes de cada reunión que cree para ti.",
    "reminders_now_off": (
        "Recordatorios desactivados. Escribe “activar recordatorios” para volver a activarlos."
    ),
    "reminders_now_on": "Recordatorios activados: {minutes} min antes de cada reunión que cree.",
    "agenda_set": "Cada día laborable a las {time} ({zone}) te enviaré las reuniones del día.",
    "agenda_now_off": "La agenda diaria está desactivada.",
    "snoozed": "Te avisaré de nuevo a las {time}.",
    "reminder_soon": "Empieza en {minutes} min",
    "reminder_now": "Empieza ahora",
    "join": "Unirse",
    "snooze": "Posponer 5 min",
    "reschedule": "Reprogramar",
    "cancel": "Cancelar",
    "agenda_title": "Tus reuniones de hoy",
    "agenda_empty": "Nada en tu calendario hoy.",
}
