"""Recurring meetings and meeting options in the words after a command, read before the times.

"every weekday", "every other Tuesday", "monthly on the first Monday", "toda segunda",
"jeden Montag", "chaque lundi", then "until Mar 31" or "for 6 weeks"; and "lobby off", "only
I present", "record it", "chat off". Each phrase is masked once read, so "Monday" in "every
Monday" is not also a date and "for 6 weeks" not a duration. The words are the language's
(<code>_scheduling.py); the first day of the series is placed by bot/parsing/series.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from bot.language import Language
from bot.parsing.atoms import DateSpec
from bot.parsing.command import MeetingOptions
from bot.parsing.grammar import Grammar
from bot.parsing.lazy import Lazy, Needs, either, needs
from bot.parsing.mask import OTHER, Mask
from bot.parsing.steps import STEPS, Ctx, span
from bot.parsing.text import alt, key

WEEKDAYS = (0, 1, 2, 3, 4)
_LISTED = re.compile(r"[\s,]+")
_UNTIL_STEPS = ("iso", "slash", "dotted", "month_day", "day_month", "lone_day", "weekday")
_OPTIONS: dict[str, dict[str, Any]] = {
    "lobby_off": {"lobby": "everyone"},
    "only_me_present": {"presenters": "organizer"},
    "record": {"record": True},
    "chat_off": {"chat": "disabled"},
}


@dataclass(frozen=True)
class Repeat:
    """A repetition as written; `on_start_day` when its day is the first meeting's ("weekly")."""

    pattern: str
    text: str
    interval: int = 1
    days: tuple[int, ...] = ()
    day_of_month: int | None = None
    index: str | None = None
    on_start_day: bool = False
    until: DateSpec | None = None
    until_text: str = ""
    weeks: int | None = None
    months: int | None = None
    count: int | None = None


@dataclass(frozen=True, eq=False)
class _Patterns:
    """A language's compiled patterns for repetitions and meeting options."""

    forms: tuple[tuple[str, Lazy], ...]
    adverb: Lazy
    until: Lazy
    span: Lazy
    options: tuple[tuple[str, Lazy], ...]
    any_repeat: Needs  # met when one of the forms or the adverbs may be
    any_option: Needs


@cache
def _forms(L: Language) -> dict[str, str]:
    """The ways to say a repetition, most specific first."""
    every, fill = alt(L.repeat_every), rf"(?:(?:{alt(L.repeat_fillers)})\s+)*"
    wd = alt((w for names in L.weekdays for w in names), right="none") + r"s?(?!\w)"
    idx, of_month = alt(L.week_index), alt(L.repeat_of_month)
    num = rf"(?:\d{{1,2}}|{alt(L.number_words)})"
    units = alt(L.day_units + L.week_units + L.month_units)
    ordinal = alt(L.ordinals, left=False)
    forms = {
        "relative": rf"{alt(L.repeat_monthly)}\s+{fill}(?P<ord>{idx})\s+(?P<wd>{wd})"
        rf"(?:\s+{of_month})?|(?:{every}\s+)?{fill}(?P<ord2>{idx})\s+(?P<wd2>{wd})\s+{of_month}",
        "absolute": rf"(?:{alt(L.repeat_monthly)}\s+{fill}|(?:{every}\s+)?{fill}(?=\d+\D*\s+"
        rf"{of_month}))(?P<dom>\d{{1,2}})(?:{ordinal}|\.)?(?!\d)(?:\s+{of_month})?",
        "every_n": rf"{every}\s+(?:(?P<other>{alt(L.repeat_other)})|(?P<n>{num}))\s+"
        rf"(?P<unit>{units})",
        "weekdays": rf"{every}\s+{alt(L.repeat_weekdays)}",
        "days": rf"{every}\s+{alt(L.repeat_days)}(?!\w)",
        "weekly": rf"{every}\s+(?:(?P<other>{alt(L.repeat_other)})\s+)?(?P<wd>{wd})"
        rf"(?P<more>(?:\s*(?:,|{alt(L.list_joiners)})\s*{wd})*)",
    }
    return {name: rf"(?<!\w)(?:{rx})" for name, rx in forms.items()}


def _span(L: Language) -> str:
    num = rf"(?:\d{{1,2}}|{alt(L.number_words)})"
    return (
        rf"(?<!\w)(?:{alt(L.duration_preps)}\s+)?(?P<n>{num})\s+"
        rf"(?P<unit>{alt(L.week_units + L.month_units + L.repeat_times)})(?!\w)"
    )


def _lazy_form(L: Language, name: str, wanted: Needs) -> tuple[str, Lazy]:
    return name, Lazy(lambda: _forms(L)[name], needs=wanted)


def _option(words: tuple[str, ...]) -> Lazy:
    return Lazy(lambda: rf"(?<!\w){alt(words)}", needs=needs(words))


@cache
def _patterns(L: Language) -> _Patterns:
    """Each compiled the first time a message holds the words it needs (bot/parsing/lazy.py):
    most messages repeat nothing and ask for no option, and never compile these."""
    every = needs(L.repeat_every)
    forms = (
        _lazy_form(L, "relative", needs(L.week_index)),
        _lazy_form(L, "absolute", needs(L.repeat_monthly, L.repeat_of_month)),
        *(_lazy_form(L, name, every) for name in ("every_n", "weekdays", "days", "weekly")),
    )
    adverb = Lazy(lambda: rf"(?<!\w){alt(L.repeat_adverbs)}", needs=needs(L.repeat_adverbs))
    options = tuple((k, _option(L.meeting_options[k])) for k in _OPTIONS)
    return _Patterns(
        forms=forms,
        adverb=adverb,
        until=Lazy(lambda: rf"(?<!\w){alt(L.repeat_until)}\s+", needs=needs(L.repeat_until)),
        span=Lazy(lambda: _span(L), needs=needs(L.week_units, L.month_units, L.repeat_times)),
        options=options,
        any_repeat=either(*(_needs(rx) for _, rx in forms), _needs(adverb)),
        any_option=either(*(_needs(rx) for _, rx in options)),
    )


def _needs(lazy: Lazy) -> Needs:
    assert lazy.needs is not None
    return lazy.needs


_NO_OPTIONS = MeetingOptions()


def read_options(ctx: Ctx, mask: Mask) -> MeetingOptions:
    patterns = _patterns(ctx.gr.lang)
    if not patterns.any_option.met(mask.text):  # most messages: one test, not four
        return _NO_OPTIONS
    found: dict[str, Any] = {}
    for name, rx in patterns.options:
        for m in rx.finditer(mask.text):
            found.update(_OPTIONS[name])
            mask.hide(m.start(), m.end(), OTHER)
    return MeetingOptions(**found)


def read_repeat(ctx: Ctx, mask: Mask) -> Repeat | None:
    """The repetition the text asks for, with its end; None when it asks for none."""
    patterns = _patterns(ctx.gr.lang)
    if not patterns.any_repeat.met(mask.text):  # most messages: one test, not seven
        return None
    found = _form(ctx, mask, patterns)
    if found is None:
        return None
    return _with_span(ctx, mask, patterns, _with_until(ctx, mask, patterns, found))


def _form(ctx: Ctx, mask: Mask, patterns: _Patterns) -> Repeat | None:
    for name, rx in patterns.forms:
        m = rx.search(mask.text)
        if m is not None:
            mask.hide(m.start(), m.end(), OTHER)
            return _READERS[name](m, ctx)
    m = patterns.adverb.search(mask.text)
    if m is None or not mask.text[: m.start()].strip():  # "Daily standup" is a subject
        return None
    mask.hide(m.start(), m.end(), OTHER)
    return _adverb(ctx.gr.lang.repeat_adverbs[_spelled(ctx.gr.lang.repeat_adverbs, m[0])], m, ctx)


def _spelled(table: Mapping[str, str], folded: str) -> str:
    """The table's key for a phrase as matched (folded)."""
    return next(k for k in table if key(k) == key(folded))


def _weekday(gr: Grammar, word: str) -> int:
    k = key(word)
    return gr.weekdays[k] if k in gr.weekdays else gr.weekdays[k[:-1]]  # "lundis", "Mondays"


def _relative(m: re.Match[str], ctx: Ctx) -> Repeat:
    index = ctx.gr.lang.week_index[_spelled(ctx.gr.lang.week_index, m["ord"] or m["ord2"])]
    day = _weekday(ctx.gr, m["wd"] or m["wd2"])
    return Repeat("relativeMonthly", span(m, ctx)[2], days=(day,), index=index)


def _absolute(m: re.Match[str], ctx: Ctx) -> Repeat:
    return Repeat("absoluteMonthly", span(m, ctx)[2], day_of_month=int(m["dom"]))


def _every_n(m: re.Match[str], ctx: Ctx) -> Repeat:
    n = 2 if m["other"] else _number(ctx.gr, m["n"])
    unit = key(m["unit"])
    text = span(m, ctx)[2]
    if unit in ctx.gr.day_units:
        return Repeat("daily", text, interval=n)
    if unit in ctx.gr.week_units:
        return Repeat("weekly", text, interval=n, on_start_day=True)
    return Repeat("absoluteMonthly", text, interval=n, on_start_day=True)


def _weekdays(m: re.Match[str], ctx: Ctx) -> Repeat:
    return Repeat("weekly", span(m, ctx)[2], days=WEEKDAYS)


def _days(m: re.Match[str], ctx: Ctx) -> Repeat:
    return Repeat("daily", span(m, ctx)[2])


def _weekly(m: re.Match[str], ctx: Ctx) -> Repeat:
    days = [_weekday(ctx.gr, m["wd"])]
    for word in _LISTED.split(m["more"] or ""):
        if word and _is_weekday(ctx.gr, word):
            days.append(_weekday(ctx.gr, word))
    interval = 2 if m["other"] else 1
    return Repeat("weekly", span(m, ctx)[2], interval=interval, days=tuple(sorted(set(days))))


def _is_weekday(gr: Grammar, word: str) -> bool:
    k = key(word)
    return k in gr.weekdays or k[:-1] in gr.weekdays


def _adverb(kind: str, m: re.Match[str], ctx: Ctx) -> Repeat:
    text = span(m, ctx)[2]
    if kind == "daily":
        return Repeat("daily", text)
    if kind == "weekdays":
        return Repeat("weekly", text, days=WEEKDAYS)
    if kind == "monthly":
        return Repeat("absoluteMonthly", text, on_start_day=True)
    interval = 2 if kind == "fortnightly" else 1
    return Repeat("weekly", text, interval=interval, on_start_day=True)


_READERS = {
    "relative": _relative,
    "absolute": _absolute,
    "every_n": _every_n,
    "weekdays": _weekdays,
    "days": _days,
    "weekly": _weekly,
}


def _number(gr: Grammar, word: str) -> int:
    return int(word) if word.isdigit() else gr.numbers[key(word)]


def _with_until(ctx: Ctx, mask: Mask, patterns: _Patterns, repeat: Repeat) -> Repeat:
    """ "until Mar 31", "até 31/3", "bis 31.3.": an end date, only when a date follows."""
    steps = dict(ctx.gr.steps)
    for m in patterns.until.finditer(mask.text):
        for name in _UNTIL_STEPS:
            date_match = steps[name].rx.match(mask.text, m.end())
            day = _until_day(name, date_match, ctx) if date_match else None
            if date_match is not None and day is not None:
                mask.hide(m.start(), date_match.end(), OTHER)
                text = ctx.text[m.start() : date_match.end()]
                return replace(repeat, until=day, until_text=text.strip())
    return repeat


def _until_day(name: str, m: re.Match[str], ctx: Ctx) -> DateSpec | None:
    """The date after "until"; "bis 31.3" is a date, as "am 31.3" is."""
    hit = STEPS[name](m, ctx)
    if hit is not None:
        return hit.date
    if name == "dotted" and int(m["b"]) <= 12:
        return DateSpec("ymd", m=int(m["b"]), d=int(m["a"]))
    return None


def _with_span(ctx: Ctx, mask: Mask, patterns: _Patterns, repeat: Repeat) -> Repeat:
    """ "for 6 weeks", "por 3 meses", "10 times": how long the series runs."""
    m = patterns.span.search(mask.text)
    if m is None:
        return repeat
    n, unit = _number(ctx.gr, m["n"]), key(m["unit"])
    mask.hide(m.start(), m.end(), OTHER)
    if unit in ctx.gr.week_units:
        return replace(repeat, weeks=n)
    if unit in {key(u) for u in ctx.gr.lang.month_units}:
        return replace(repeat, months=n)
    return replace(repeat, count=n)
