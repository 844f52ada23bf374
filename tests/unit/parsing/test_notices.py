"""Reminders and the daily agenda, in all five languages: `remind me 5 min before`,
`reminders off` / `on`, `agenda daily at 8:30`, `agenda off`; and what stays a listing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Has, case, check, ok, refused

LOCALES = {"en": "en-US", "pt": "pt-BR", "es": "es-ES", "de": "de-DE", "fr": "fr-FR"}


def lead(minutes: int) -> dict[str, Any]:
    return {**ok("remind", None, None, None), "minutes": minutes}


def agenda(at: str) -> dict[str, Any]:
    return {**ok("agenda_daily", None, None, None), "at": at}


def switch(kind: str) -> dict[str, Any]:
    return ok(kind, None, None, None)


def row(lang: str, id: str, text: str, expected: dict[str, Any]) -> Any:
    return case(f"{lang}-{id}", text, expected, locale=LOCALES[lang])


ROWS = [
    # English
    row("en", "remind-5-min", "remind me 5 min before", lead(5)),
    row("en", "remind-10-minutes", "Remind me 10 minutes before", lead(10)),
    row("en", "remind-words", "remind me five minutes before", lead(5)),
    row("en", "remind-an-hour", "remind me an hour before", lead(60)),
    row("en", "remind-1h", "reminders 1h before", lead(60)),
    row("en", "remind-no-unit", "remind me 15 before", lead(15)),
    row("en", "remind-nothing", "remind me", refused("remind", Has("remind me 5 min before"))),
    row("en", "remind-too-long", "remind me 3000 min before", refused("remind", Has("How long"))),
    row("en", "remind-gibberish", "remind me about lunch", refused("remind", Has("How long"))),
    row("en", "reminders-off", "reminders off", switch("reminders_off")),
    row("en", "turn-off", "turn off reminders", switch("reminders_off")),
    row("en", "reminders-on", "Reminders on", switch("reminders_on")),
    row("en", "agenda-daily", "agenda daily at 8:30", agenda("08:30")),
    row("en", "daily-agenda-9am", "daily agenda at 9am", agenda("09:00")),
    row("en", "agenda-no-time", "agenda daily", refused("agenda_daily", Has("agenda daily at"))),
    row(
        "en",
        "agenda-with-date",
        "agenda daily tomorrow 9am",
        refused("agenda_daily", Has("At what time")),
    ),
    row("en", "agenda-off", "agenda off", switch("agenda_off")),
    row("en", "stop-daily-agenda", "stop daily agenda", switch("agenda_off")),
    # Portuguese
    row("pt", "remind-5-min", "me lembre 5 min antes", lead(5)),
    row("pt", "lembrete-10-minutos", "lembrete 10 minutos antes", lead(10)),
    row("pt", "remind-nothing", "me lembre", refused("remind", Has("me lembre 5 min antes"))),
    row("pt", "off", "desligar lembretes", switch("reminders_off")),
    row("pt", "on", "ligar lembretes", switch("reminders_on")),
    row("pt", "agenda-daily", "agenda diária às 8h30", agenda("08:30")),
    row("pt", "agenda-off", "agenda off", switch("agenda_off")),
    # Spanish
    row("es", "remind-5-min", "recuérdame 5 min antes", lead(5)),
    row("es", "remind-words", "recuérdame diez minutos antes", lead(10)),
    row("es", "off", "desactivar recordatorios", switch("reminders_off")),
    row("es", "on", "activar recordatorios", switch("reminders_on")),
    row("es", "agenda-daily", "agenda diaria a las 8:30", agenda("08:30")),
    row("es", "agenda-off", "desactivar agenda", switch("agenda_off")),
    # German
    row("de", "remind-5-min", "erinnere mich 5 Minuten vorher", lead(5)),
    row("de", "remind-1-stunde", "Erinnerung 1 Stunde vorher", lead(60)),
    row("de", "off", "Erinnerungen aus", switch("reminders_off")),
    row("de", "on", "Erinnerungen an", switch("reminders_on")),
    row("de", "agenda-daily", "tägliche Agenda um 8:30", agenda("08:30")),
    row("de", "agenda-off", "Agenda aus", switch("agenda_off")),
    # French
    row("fr", "remind-5-min", "rappelle-moi 5 min avant", lead(5)),
    row("fr", "off", "désactiver les rappels", switch("reminders_off")),
    row("fr", "on", "activer les rappels", switch("reminders_on")),
    row("fr", "agenda-daily", "agenda quotidien à 8h30", agenda("08:30")),
    row("fr", "agenda-off", "agenda off", switch("agenda_off")),
    # the listing keeps its words
    row("en", "agenda-is-still-a-list", "my agenda", ok("list", None, Has("2026"), Has("2026"))),
]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_reminder_and_agenda_commands(
    text: str, now: str, tz: str, locale: str, expected: dict[str, Any]
) -> None:
    check(text, now, tz, locale, expected)
