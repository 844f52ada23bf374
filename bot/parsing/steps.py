"""One function per grammar step: a regex match in, a `Found` (None: not a time after all) out."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import NamedTuple

from bot.parsing.atoms import (
    MAX_MINUTES,
    Clock,
    DateSpec,
    Found,
    Groups,
    clock,
    minutes,
    valid_ymd,
    ymd,
)
from bot.parsing.grammar import Grammar
from bot.parsing.text import fold, key


class Ctx(NamedTuple):
    gr: Grammar
    text: str  # the original text; spans index it
    month_first: bool  # 12/3 is December 3


def span(m: re.Match[str], ctx: Ctx) -> tuple[int, int, str]:
    """The match's span without leading blanks, and the user's own words for it."""
    start, end = m.span()
    while start < end and ctx.text[start] in " ,":
        start += 1
    return start, end, ctx.text[start:end]


def _date(m: re.Match[str], ctx: Ctx, spec: DateSpec, time: Clock | None = None) -> Found:
    if not valid_ymd(spec) or (time is not None and not time.valid):
        return Found(*span(m, ctx), error="bad_time")
    return Found(*span(m, ctx), date=spec, time=time)


def _iso(m: re.Match[str], ctx: Ctx) -> Found | None:
    g: Groups = m.groupdict()
    spec = DateSpec("ymd", y=int(g["y"] or 0), m=int(g["mo"] or 0), d=int(g["d"] or 0))
    time = None
    if g["h"] is not None:
        h, mi = int(g["h"]), int(g["mi"] or 0)
        time = Clock(h, mi, fixed=True, valid=h <= 23 and mi <= 59)
    return _date(m, ctx, spec, time)


def _dotted(m: re.Match[str], ctx: Ctx) -> Found | None:
    """German-style "3.12." or "3.12.2026", always day first; "am 3.12" with a day prefix."""
    if not (m["end"] or (m["pre"] and int(m["b"]) <= 12)):
        return None
    y = m["y"]
    year = None if y is None else int(y) + (2000 if len(y) == 2 else 0)
    return _date(m, ctx, DateSpec("ymd", y=year, m=int(m["b"]), d=int(m["a"])))


def _slash(m: re.Match[str], ctx: Ctx) -> Found | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    month, day = (a, b) if ctx.month_first else (b, a)
    year = None if y is None else int(y) + (2000 if len(y) == 2 else 0)
    return _date(m, ctx, DateSpec("ymd", y=year, m=month, d=day))


def _relative(m: re.Match[str], ctx: Ctx) -> Found | None:
    length = minutes(m.groupdict(), ctx.gr)
    if length is None:
        return None
    amount, in_days = length
    if in_days:
        if amount % 1440 or not 1440 <= amount <= 366 * 1440:
            return Found(*span(m, ctx), error="bad_time")
        return Found(*span(m, ctx), date=DateSpec("days", n=int(amount) // 1440))
    if not 1 <= amount <= 366 * 1440:
        return Found(*span(m, ctx), error="bad_time")
    return Found(*span(m, ctx), delta=timedelta(minutes=round(amount)))


def _now(m: re.Match[str], ctx: Ctx) -> Found | None:
    return Found(*span(m, ctx), delta=timedelta(0))


def _duration(m: re.Match[str], ctx: Ctx) -> Found | None:
    g = m.groupdict()
    length = minutes(g, ctx.gr)
    if length is None:
        return None
    amount = length[0]
    if g.get("neg") or g.get("neg2") or not 1 <= amount <= MAX_MINUTES:
        return Found(*span(m, ctx), error="duration_limits")
    return Found(*span(m, ctx), duration=timedelta(minutes=round(amount)))


def _duration_bare(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "45 min", but not "à 15 heures" or "às 15 horas", which are times."""
    if ctx.gr.at_end.search(fold(ctx.text[max(0, m.start() - 30) : m.start()])):
        return None
    return _duration(m, ctx)


def _month(m: re.Match[str], ctx: Ctx) -> Found | None:
    return _date(m, ctx, ymd(ctx.gr, m["mon"], m["d"], m["y"], m["wd"]))


def _lone_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    if ctx.gr.lang.lone_day_needs_ordinal and not m["ord"]:
        return None
    weekday = ctx.gr.weekdays[key(m["wd"])] if m["wd"] else None
    spec = DateSpec("dom", d=int(m["d"]), weekday=weekday)
    if not 1 <= spec.d <= 31:
        return Found(*span(m, ctx), error="bad_time")
    return Found(*span(m, ctx), date=spec)


def _day_word(m: re.Match[str], ctx: Ctx) -> Found | None:
    value = ctx.gr.days[key(m["day"])]
    if value == "yesterday":
        return Found(*span(m, ctx), date=DateSpec("past"))
    if value == "tonight":
        return Found(*span(m, ctx), date=DateSpec("days", n=0), period="evening")
    return Found(*span(m, ctx), date=DateSpec("days", n=int(value)))


def _weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    mode = (
        "after_next"
        if m["an"]
        else "next_week"
        if m["nw"] or m["nwp"]
        else "last"
        if m["last"] or m["ls"]
        else "next"
        if m["next"] or m["ns"]
        else "this"
        if m["this"]
        else ""
    )
    spec = DateSpec("weekday", n=ctx.gr.weekdays[key(m["wd"])], mode=mode)
    return Found(*span(m, ctx), date=spec)


def _clock_or_error(
    m: re.Match[str], ctx: Ctx, anchored: bool, period: str | None = None
) -> Found | None:
    c = clock(m.groupdict())
    if not (c.explicit or anchored):
        return None
    if not c.valid:
        return Found(*span(m, ctx), error="bad_time")
    return Found(*span(m, ctx), time=c, period=period)


def _range(m: re.Match[str], ctx: Ctx) -> Found | None:
    g = m.groupdict()
    first, second = clock(g, "1"), clock(g, "2")
    if not (first.explicit or second.explicit or g["rf"]):
        return None
    return _pair(m, ctx, first, second)


def _pair(m: re.Match[str], ctx: Ctx, first: Clock, second: Clock) -> Found:
    if not (first.valid and second.valid):
        return Found(*span(m, ctx), error="bad_time")
    return Found(*span(m, ctx), time=first, until=second)


def _hour(word: str, gr: Grammar) -> int:
    return int(word) if word.isdigit() else gr.hour_words[key(word)]


def _clock_words(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "half past 4" = 4:30, "quarter to 5" = 4:45, "halb vier" = 3:30, "onze e meia" = 11:30."""
    g = m.groupdict()
    if g["hw3"] is not None and g["at"] is None:
        return None
    named = _hour(g["hw"] or g["hw2"] or g["hw3"] or "0", ctx.gr)
    phrase = g["pre"] or g["post"]
    total = named * 60 + (ctx.gr.clock_offsets[key(phrase)] if phrase else 0)
    if not 0 <= named <= 23:
        return Found(*span(m, ctx), error="bad_time")
    h, mi = divmod(total % (24 * 60), 60)
    fixed = named >= 13 or named == 0
    return Found(*span(m, ctx), time=Clock(h, mi, fixed=fixed, bare=True, named=named))


def _range_named(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "from 10 till noon", "das 10 ao meio-dia", "from noon to 2"."""
    g = m.groupdict()
    if g["named"] is not None:
        h, mi = ctx.gr.named[key(g["named"])]
        return _pair(m, ctx, clock(g, "1"), Clock(h, mi, fixed=True))
    h, mi = ctx.gr.named[key(g["named2"] or "")]
    return _pair(m, ctx, Clock(h, mi, fixed=True), clock(g, "2"))


def _military(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "at 1700", "1700 hrs": a 24-hour time without a colon needs "at" or "hrs"."""
    if m["at"] is None and m["hrs"] is None:
        return None
    return Found(*span(m, ctx), time=Clock(int(m["h"]), int(m["mi"]), fixed=True))


def _time_period(m: re.Match[str], ctx: Ctx) -> Found | None:
    return _clock_or_error(m, ctx, True, ctx.gr.periods[key(m["per"])])


def _named(m: re.Match[str], ctx: Ctx) -> Found | None:
    h, mi = ctx.gr.named[key(m["named"])]
    return Found(*span(m, ctx), time=Clock(h, mi, fixed=True))


def _time(m: re.Match[str], ctx: Ctx) -> Found | None:
    return _clock_or_error(m, ctx, m["at"] is not None)


def _period(m: re.Match[str], ctx: Ctx) -> Found | None:
    period = ctx.gr.periods[key(m["per"])]
    if m["this"]:
        return Found(*span(m, ctx), date=DateSpec("days", n=0), period=period)
    return Found(*span(m, ctx), period=period)


STEPS: dict[str, Callable[[re.Match[str], Ctx], Found | None]] = {
    "iso": _iso,
    "slash": _slash,
    "dotted": _dotted,
    "relative": _relative,
    "now": _now,
    "duration": _duration,
    "duration_bare": _duration_bare,
    "month_day": _month,
    "day_month": _month,
    "lone_day": _lone_day,
    "day_word": _day_word,
    "weekday": _weekday,
    "clock_words": _clock_words,
    "range_named": _range_named,
    "range": _range,
    "time_period": _time_period,
    "named": _named,
    "military": _military,
    "time": _time,
    "period": _period,
}


def bare_after(m: re.Match[str], ctx: Ctx) -> Found | None:
    """A bare hour, hour range, "1700" or part of day right after a date: "tomorrow 3",
    "Monday morning"."""
    if m["range"]:
        g = m.groupdict()
        return _pair(m, ctx, clock(g, "1"), clock(g, "2"))
    if m["mil"]:
        h, mi = divmod(int(m["mil"]), 100)
        return Found(*span(m, ctx), time=Clock(h, mi, fixed=True))
    if m["time"]:
        return _clock_or_error(m, ctx, True)
    return Found(*span(m, ctx), period=ctx.gr.periods[key(m["per"])])
