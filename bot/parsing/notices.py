"""The commands that set what the bot sends by itself: reminders and the daily agenda.

- remind: "remind me 5 min before", "lembrete 10 minutos antes", "erinnere mich 1 Stunde vorher":
  `minutes` (1 minute to 24 hours); a number without a unit is minutes.
- reminders_off / reminders_on, agenda_off: the command words say it all; the rest is ignored.
- agenda_daily: "agenda daily at 8:30", "agenda diária às 8h30": `at` is the time of day
  ("HH:MM") in the sender's zone, read as any time is; no date, duration or other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.language import Language
from bot.parsing.command import Command, CommandKind
from bot.parsing.locales import month_first_of
from bot.parsing.respond import Request, _sure
from bot.parsing.scan import Problem, scan
from bot.parsing.text import alt, fold, key
from bot.parsing.when import collect, resolve

MAX_MINUTES = 24 * 60


@cache
def _lead_pattern(L: Language) -> re.Pattern[str]:
    """A lead: "5 min", "five minutes", "1h", "half an hour", then maybe "before"."""
    number = alt([*L.number_words, *L.duration_phrases]) if L.number_words else "(?!)"
    minutes = alt([*L.minute_units, *L.minute_units_short], left=False, right="letter")
    hours = alt([*L.hour_units, *L.hour_units_short], left=False, right="letter")
    return re.compile(
        rf"^\s*(?P<n>\d{{1,4}}|{number})\s*(?:(?P<m>{minutes})|(?P<h>{hours}))?"
        rf"\s*(?:{alt(L.before)})?\s*$"
    )


def _how_long(req: Request) -> Command:
    msg = req.msg.messages
    error = msg["remind_how_long"].format(example=msg["example_remind"])
    return Command(CommandKind.REMIND, error=error)


def _remind(req: Request) -> Command:
    L = req.gr.lang
    found = _lead_pattern(L).match(fold(req.rest).strip(" ,.:;"))
    if found is None:
        return _how_long(req)
    said = key(found["n"])
    phrases = {key(p): m for p, m in L.duration_phrases.items()}
    if said in phrases:
        minutes = phrases[said]
    else:
        numbers = {key(w): n for w, n in L.number_words.items()}
        count = int(said) if said.isdigit() else numbers.get(said, 0)
        minutes = count * 60 if found["h"] else count
    if not 1 <= minutes <= MAX_MINUTES:
        return _how_long(req)
    return _sure(req, Command(CommandKind.REMIND, minutes=minutes), [])


def _agenda(req: Request) -> Command:
    msg = req.msg.messages
    refused = Command(
        CommandKind.AGENDA_DAILY,
        error=msg["agenda_when"].format(example=msg["example_agenda"]),
    )
    sc = scan(req.rest, req.gr, (), month_first=month_first_of(req.locale))
    slots = collect(sc.finds)
    if isinstance(slots, Problem) or sc.problem or sc.subject or sc.attendees or sc.everyone:
        return refused
    if slots.time is None or slots.date or slots.duration or slots.zone:
        return refused
    when = resolve(slots, req.now, req.tz, req.default_duration)
    if when.problem or when.start is None:
        return refused
    at = when.start.astimezone(req.tz).strftime("%H:%M")
    return _sure(req, Command(CommandKind.AGENDA_DAILY, at=at), [])


def _switch(kind: CommandKind) -> Callable[[Request], Command]:
    def handle(req: Request) -> Command:
        return _sure(req, Command(kind), [])

    return handle


NOTICE_HANDLERS: dict[str, Callable[[Request], Command]] = {
    "remind": _remind,
    "reminders_off": _switch(CommandKind.REMINDERS_OFF),
    "reminders_on": _switch(CommandKind.REMINDERS_ON),
    "agenda_daily": _agenda,
    "agenda_off": _switch(CommandKind.AGENDA_OFF),
}
