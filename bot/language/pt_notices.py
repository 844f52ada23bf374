"""Portuguese words of reminders and the daily agenda: the commands that set them, and what the
parser answers when it cannot read one (the cards are in the gettext catalogs, cards/locales)."""

from __future__ import annotations

COMMANDS = {
    "remind": ("me lembre", "me lembra", "lembre-me", "lembrete", "lembretes", "me avise"),
    "reminders_off": (
        "lembretes desligados",
        "desligar lembretes",
        "desligue os lembretes",
        "desativar lembretes",
        "lembretes off",
        "sem lembretes",
    ),
    "reminders_on": (
        "lembretes ligados",
        "ligar lembretes",
        "ligue os lembretes",
        "ativar lembretes",
        "lembretes on",
    ),
    "agenda_daily": ("agenda diária", "agenda todo dia", "agenda todos os dias"),
    "agenda_off": (
        "agenda off",
        "agenda diária off",
        "desligar agenda",
        "desligar agenda diária",
        "sem agenda diária",
        "parar agenda",
    ),
}
BEFORE = ("antes", "antes de cada reunião", "de antecedência")

MESSAGES = {
    "remind_how_long": "Quanto tempo antes de cada reunião devo lembrar você? Tente: {example}",
    "agenda_when": "A que horas devo enviar sua agenda? Tente: {example}",
    "example_remind": "me lembre 5 min antes",
    "example_agenda": "agenda diária às 8h30",
}
