"""The regular expressions of the shared grammar, written once and filled with a language's words.

Each function returns regex source; bot.parsing.grammar compiles them once per language.
"""

from __future__ import annotations

import re

from bot.language import Language
from bot.language.zones import ABBREVIATIONS, CITIES
from bot.parsing.lazy import Needs, needs
from bot.parsing.text import alt, fold

GUARD = r"(?<![\w:.,/-])"
TIME_GUARD = r"(?<![\w:.,/])(?<![\w:.,/]-)"  # "-1pm" after a masked "noon" is fine


def _markers(L: Language, *, inner: bool) -> str:
    """Hour markers: "15h", "15h30", "15 Uhr", "15 Uhr 30", "3 heures"."""
    short = [m for m in L.hour_markers if len(m) < 3]
    long = [m for m in L.hour_markers if len(m) >= 3]
    parts = []
    if long:
        parts.append(rf"\s?{alt(long, left=False, right='letter')}" + (r"\s?" if inner else ""))
    if short:
        parts.append(alt(short, left=False, right="letter"))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def time(g: str, L: Language, guard: bool) -> str:
    """A clock time; group names end in `g` so that a range can hold two."""
    sep, end = _markers(L, inner=True), _markers(L, inner=False)
    return (
        (TIME_GUARD if guard else "")
        + rf"(?P<h{g}>\d{{1,2}})(?:(?P<sep{g}>[:.]|{sep})(?P<mi{g}>\d{{2}}))?(?P<hm{g}>{end})?"
        + rf"(?:\s*(?:(?P<am{g}>{alt(L.am, left=False)})|(?P<pm{g}>{alt(L.pm, left=False)})))?"
        + r"(?![\w:/]|[.,]\d)"
    )


def duration(L: Language, short: bool, days: bool) -> str:
    hours = alt(L.hour_units + (L.hour_units_short if short else ()), left=False, right="letter")
    mins = alt(L.minute_units + (L.minute_units_short if short else ()), left=False)
    num = rf"(?:\d{{1,3}}(?:[.,]\d{{1,2}})?|{alt(L.number_words)})"
    joiner = alt(w for w in L.list_joiners if w[0].isalpha())
    units = (
        rf"(?P<hu>{hours})(?:\s*(?:{joiner}\s+)?(?P<n2>\d{{1,2}})\s*(?:{mins})?)?|(?P<mu>{mins})"
    )
    if days:
        units += rf"|(?P<du>{alt(L.day_units + L.week_units, left=False)})"
    return rf"(?:(?P<fx>{alt(L.duration_phrases)})|(?P<n>{num})\s*(?:{units}))(?!\w)"


def _blockers(L: Language) -> str:
    """Lookbehinds (fixed width, so one blank between words): "la" blocks "mañana" = tomorrow."""
    return "".join(
        r"(?<!\b" + r"\s".join(re.escape(w) for w in fold(b).split()) + r"\s)"
        for b in L.day_word_blockers
    )


def _clock_words(L: Language) -> str:
    """ "half past 4", "quarter to five", "onze e meia", "halb vier", "at eleven"."""
    hour = rf"(?:{GUARD}\d{{1,2}}|{alt(L.hour_words)})"
    end = _markers(L, inner=False)
    return (
        rf"(?:(?P<at>{alt(L.at)})\s*)?(?:(?P<pre>{alt(L.clock_before)})\s+(?P<hw>{hour})(?:{end})?"
        rf"|(?P<hw2>{hour})\s*(?P<post>{alt(L.clock_after, left=False)})"
        rf"|(?<=\s)(?P<hw3>{alt(L.hour_words)})(?:{end})?)(?![\w:])"
    )


_DIGIT_STEPS = ("lone_day", "month_day", "day_month", "range", "time_period", "time")


def triggers(L: Language) -> dict[str, str]:
    """Steps worth running (and compiling) only when the text has these: "/" for a slashed
    date, a clock word for "half past four", a digit for an hour."""
    named = alt(L.noon + L.midnight + L.end_of_day)
    periods = alt(w for ws in L.periods.values() for w in ws)
    clock = alt((*L.clock_before, *L.clock_after, *L.hour_words), left=False)
    rare = {
        "iso": r"\d{4}-\d",
        "slash": r"\d/\d",
        "dotted": r"\d\.\d",
        "military": r"\d{4}",
        "clock_words": clock,
        "range_named": named,
        "named": named,
        "time_period": periods,
        "period": periods,
    }
    return {name: rare.get(name, r"\d") for name in _DIGIT_STEPS} | rare


def step_needs(L: Language) -> dict[str, Needs]:
    """For the steps that require one of a word list's phrases, the texts one of which any match
    holds (bot/parsing/lazy.py): "weekday" needs a weekday name, "duration" a "for"."""
    days = (*L.today, *L.tomorrow, *L.day_after_tomorrow, *L.yesterday, *L.tonight)
    months = [w for names in L.months for w in names]
    periods = [w for ws in L.periods.values() for w in ws]
    return {
        "iso": Needs(texts=("-",)),
        "slash": Needs(texts=("/",)),
        "dotted": Needs(texts=(".",)),
        "relative": needs(L.relative),
        "now": needs(L.now),
        "duration": needs(L.duration_preps),
        "clock_words": needs(L.clock_before, L.hour_words, loose=L.clock_after),
        "duration_bare": needs(L.duration_phrases, loose=(*L.hour_units, *L.minute_units)),
        "month_day": needs(months),
        "day_month": needs(months),
        "lone_day": needs(L.day_prefixes),
        "day_word": needs(days),
        "weekday": needs(w for names in L.weekdays for w in names),
        "range_named": needs(L.range_from),
        "range": needs(L.range_to),
        "time_period": needs(periods),
        "named": needs(L.noon, L.midnight, L.end_of_day),
        "period": needs(periods),
    }


_STARTS = "(?<!\\w)"  # every phrase starts a word: cheap to rule out the other positions


def steps(L: Language) -> dict[str, str]:
    """The phrase patterns, most specific first: each one masks what it read, so "Dec 3" is a
    date before "3" could be an hour, and "for 1h30" a duration before "1h30" could be a time.

    Longer than 50 lines on purpose: it is one ordered table, and the order is the grammar;
    split, the order that decides every reading would be spread over several functions."""
    on = rf"(?:{alt(L.on)}\s+)?"
    wd = alt(w for names in L.weekdays for w in names)
    mon = alt(w for names in L.months for w in names)
    ordinal = alt(L.ordinals, left=False)
    year = rf"(?:\s*,?\s*(?:{alt(L.year_joiners)}\s+)?(?P<y>\d{{4}})(?!\d))?"
    lead_wd = rf"(?:(?P<wd>{wd})\s*,?\s+)?"
    at = alt(L.at)
    period = rf"(?P<per>{alt(w for ws in L.periods.values() for w in ws)})"
    named = "(?<!-)" + alt(L.noon + L.midnight + L.end_of_day)  # not "midi" in "après-midi"
    days_off = L.yesterday + L.tonight
    rng_from, rng_to = alt(L.range_from), alt(L.range_to)
    raw = {
        "iso": rf"{on}{GUARD}(?P<y>\d{{4}})-(?P<mo>\d{{1,2}})-(?P<d>\d{{1,2}})"
        rf"(?:t(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::\d{{2}})?)?(?![\w/-]|:\d)",
        "slash": rf"{on}{GUARD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?"
        r"(?![\w/]|[.:]\d)",
        "dotted": rf"(?:(?P<pre>{alt(L.day_prefixes)})\s+|{on}){GUARD}(?P<a>\d{{1,2}})\."
        r"(?P<b>\d{1,2})(?P<end>\.(?P<y>\d{4}|\d{2})?)?(?![\w:]|\.?\d)",
        "relative": rf"(?<!\w){alt(L.relative)}\s+{duration(L, True, True)}",
        "now": alt(L.now),
        "duration": rf"(?P<neg>-\s*)?{alt(L.duration_preps)}\s+(?P<neg2>-\s*)?"
        rf"{duration(L, True, True)}",
        "clock_words": _clock_words(L),
        "duration_bare": rf"(?:(?P<neg>(?<![\w:.,/])-\s*)|{GUARD}){duration(L, False, False)}",
        "month_day": rf"{on}{lead_wd}(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:{ordinal})?(?!\d){year}"
        r"(?![\w:])",
        "day_month": rf"{on}{lead_wd}(?:{alt(L.day_prefixes)}\s+)?{GUARD}(?P<d>\d{{1,2}})"
        rf"(?:{ordinal})?\s+(?:{alt(L.day_month_joiners)}\s+)?(?P<mon>{mon})\b\.?{year}",
        "lone_day": rf"{on}{lead_wd}{alt(L.day_prefixes)}\s+(?P<d>\d{{1,2}})(?P<ord>{ordinal})?"
        r"(?![\w:])",
        "day_word": rf"{on}{_blockers(L)}"
        rf"(?P<day>{alt(L.today + L.tomorrow + L.day_after_tomorrow + days_off)})",
        "weekday": rf"{on}(?:(?P<next>{alt(L.next)})\s+|(?P<this>{alt(L.this)})\s+"
        rf"|(?P<last>{alt(L.last)})\s+|(?P<an>{alt(L.after_next)})\s+|(?P<nwp>{alt(L.next_week_suffix)})\s*,?\s+{on})?(?P<wd>{wd})(?:\s+(?P<nw>{alt(L.next_week_suffix)})"
        rf"|\s+(?P<ns>{alt(L.next_suffix)})|\s+(?P<ls>{alt(L.last_suffix)}))?",
        "range_named": rf"(?P<rf>{rng_from})\s*{time('1', L, True)}\s*{rng_to}\s*"
        rf"(?P<named>{named})|(?P<rf2>{rng_from})\s*(?P<named2>{named})\s*{rng_to}\s*"
        rf"{time('2', L, True)}",
        "range": rf"(?:(?P<rf>{rng_from}|{at})\s*)?{time('1', L, True)}\s*"
        rf"{rng_to}\s*{time('2', L, False)}",
        "time_period": rf"(?:(?P<at>{at})\s*)?{time('', L, True)}\s+"
        rf"{alt(L.period_preps)}\s+{period}",
        "named": rf"(?:(?P<at>{at})\s+)?(?P<named>{named})",
        "military": rf"(?:(?P<at>{at})\s*)?{GUARD}(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)"
        r"(?:\s*(?P<hrs>hrs|hours|h)\b)?(?![\w:.,/])",
        "time": rf"(?:(?P<at>{at})\s*)?{time('', L, True)}",
        "period": rf"(?:(?P<this>{alt(L.this)})|{alt(L.period_preps)})\s+{period}",
    }
    return {name: _STARTS + rx for name, rx in raw.items()}


def bare_after(L: Language) -> str:
    """A bare hour, hour range, 24-hour "1700" or part of day right after a date."""
    period = rf"(?P<per>{alt(w for ws in L.periods.values() for w in ws)})"
    bare_range = rf"{time('1', L, True)}\s*{alt(L.range_to)}\s*{time('2', L, False)}"
    return (
        rf"\s*,?\s*(?:(?:{alt(L.at)}|{alt(L.period_preps)})\s*)?"
        rf"(?:(?P<range>{bare_range})|(?P<mil>(?:[01]\d|2[0-3])[0-5]\d)(?![\w:.,/])"
        rf"|(?P<time>{time('', L, True)})|{period})"
    )


def zone_trigger(L: Language) -> str:
    """Words that may start or end a zone phrase: "time", "horário", "utc", "+05:30"."""
    words = {fold(w).split()[0] for w in (*L.zone_names, *L.zone_city_before)}
    words.update(fold(w).split()[-1] for w in L.zone_city_after)
    return rf"utc|gmt|[+\u2212]\d|{alt(words)}"


def zone_words(L: Language) -> str:
    """Zones named with words or an offset: "UTC+2", "+05:30", "London time", "hora de Lisboa"."""
    cities = alt(CITIES)
    city = rf"(?:{alt(L.zone_city_before)})\s+(?P<city>{cities})"
    if L.zone_city_after:
        city += rf"|(?P<city2>{cities})\s+(?:{alt(L.zone_city_after)})"
    return (
        rf"(?P<named>{alt(L.zone_names)})|{city}"
        r"|(?<![\w@])(?P<base>utc|gmt)(?:\s*(?P<sign>[+\-\u2212])\s*(?P<oh>\d{1,2})"
        r"(?::?(?P<om>\d{2}))?)?(?![\w:])"
        r"|(?<![\w:.)\-+])(?P<sign2>[+\u2212])(?P<oh2>\d{2}):?(?P<om2>\d{2})(?![\d:])"
    )


def zone_abbreviations() -> str:
    names = [a for a in ABBREVIATIONS if a not in ("UTC", "GMT")]
    return rf"(?<![\w@.+\-])\(?(?P<abbr>{alt(fold(a) for a in names)})\)?(?![\w@])"
