"""Portuguese words of reminders and the daily agenda: the commands that set them, and what the
bot says when it posts them by itself."""

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
    "reminders_set": "Vou lembrar você {minutes} min antes de cada reunião que eu criar.",
    "reminders_now_off": "Lembretes desligados. Digite “ligar lembretes” para ligá-los de novo.",
    "reminders_now_on": "Lembretes ligados: {minutes} min antes de cada reunião que eu criar.",
    "agenda_set": "Todo dia útil às {time} ({zone}) vou enviar as reuniões do dia.",
    "agenda_now_off": "A agenda diária está desligada.",
    "snoozed": "Vou lembrar você de novo às {time}.",
    "reminder_soon": "Começa em {minutes} min",
    "reminder_now": "Começando agora",
    "join": "Entrar",
    "snooze": "Adiar 5 min",
    "reschedule": "Remarcar",
    "cancel": "Cancelar",
    "agenda_title": "Suas reuniões de hoje",
    "agenda_empty": "Nada na sua agenda hoje.",
}
