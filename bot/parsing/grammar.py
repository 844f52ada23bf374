"""The shared grammar, compiled once per language from its word lists (see bot.language)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from bot.language import Language
from bot.parsing.text import alt, fold, key

_GUARD = r"(?<![\w:.,/-])"
_TIME_GUARD = r"(?<![\w:.,/])(?<![\w:.,/]-)"  # "-1pm" after a masked "noon" is fine


@dataclass(frozen=True)
class Grammar:
    lang: Language
    command: re.Pattern[str]
    command_kinds: Mapping[str, str]
    schedule_filler: re.Pattern[str]
    cancel_filler: re.Pattern[str]
    everyone: re.Pattern[str]
    attendee_group: re.Pattern[str]
    steps: tuple[tuple[str, re.Pattern[str]], ...]
    bare_after: re.Pattern[str]
    range_gap: re.Pattern[str]
    range_lead: re.Pattern[str]
    range_to_lead: re.Pattern[str]
    week_range: re.Pattern[str]
    subject_lead: re.Pattern[str]
    with_lead: re.Pattern[str]
    subject_trail: re.Pattern[str]
    dangling_duration: re.Pattern[str]
    days: Mapping[str, str]  # key(word) -> "0", "1", "2", "yesterday", "tonight"
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    periods: Mapping[str, str]
    named: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, int]
    fixed_durations: Mapping[str, int]
    hour_units: frozenset[str]
    day_units: frozenset[str]
    week_units: frozenset[str]
    fuzzy_words: frozenset[str]
    generic_subjects: frozenset[str]


def _index(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    return {key(word): i for i, words in enumerate(groups) for word in words}


def _time(g: str, L: Language, guard: bool) -> str:
    hm = alt(L.hour_markers, left=False, right="letter")
    return (
        (_TIME_GUARD if guard else "")
        + rf"(?P<h{g}>\d{{1,2}})(?:(?P<sep{g}>[:.]|{hm})(?P<mi{g}>\d{{2}}))?(?P<hm{g}>{hm})?"
        + rf"(?:\s*(?:(?P<am{g}>{alt(L.am, left=False)})|(?P<pm{g}>{alt(L.pm, left=False)})))?"
        + r"(?![\w:/]|[.,]\d)"
    )


def _duration(L: Language, short: bool, days: bool) -> str:
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


def _steps(L: Language) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The phrase patterns, most specific first: each one masks what it read, so "Dec 3" is a
    date before "3" could be an hour, and "for 1h30" a duration before "1h30" could be a time."""
    on = rf"(?:{alt(L.on)}\s+)?"
    wd = alt(w for names in L.weekdays for w in names)
    mon = alt(w for names in L.months for w in names)
    ordinal = alt(L.ordinals, left=False)
    year = rf"(?:\s*,?\s*(?:{alt(L.year_joiners)}\s+)?(?P<y>\d{{4}})(?!\d))?"
    lead_wd = rf"(?:(?P<wd>{wd})\s*,?\s+)?"
    at = alt(L.at)
    period = rf"(?P<per>{alt(w for ws in L.periods.values() for w in ws)})"
    days_off = L.yesterday + L.tonight
    raw = {
        "iso": rf"{on}{_GUARD}(?P<y>\d{{4}})-(?P<mo>\d{{1,2}})-(?P<d>\d{{1,2}})"
        rf"(?:t(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::\d{{2}})?)?(?![\w/-]|:\d)",
        "slash": rf"{on}{_GUARD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?"
        r"(?![\w/]|[.:]\d)",
        "relative": rf"(?<!\w){alt(L.relative)}\s+{_duration(L, True, True)}",
        "now": alt(L.now),
        "duration": rf"{alt(L.duration_preps)}\s+{_duration(L, True, True)}",
        "duration_bare": _GUARD + _duration(L, False, False),
        "month_day": rf"{on}{lead_wd}(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:{ordinal})?(?!\d){year}"
        r"(?![\w:])",
        "day_month": rf"{on}{lead_wd}(?:{alt(L.day_prefixes)}\s+)?{_GUARD}(?P<d>\d{{1,2}})"
        rf"(?:{ordinal})?\s+(?:{alt(L.day_month_joiners)}\s+)?(?P<mon>{mon})\b\.?{year}",
        "lone_day": rf"{on}{lead_wd}{alt(L.day_prefixes)}\s+(?P<d>\d{{1,2}})(?P<ord>{ordinal})?"
        r"(?![\w:])",
        "day_word": rf"{on}(?P<day>{alt(L.today + L.tomorrow + L.day_after_tomorrow + days_off)})",
        "weekday": rf"{on}(?:(?P<next>{alt(L.next)})\s+|(?P<this>{alt(L.this)})\s+)?(?P<wd>{wd})"
        rf"(?:\s+(?P<nw>{alt(L.next_week_suffix)})|\s+(?P<ns>{alt(L.next_suffix)}))?",
        "range": rf"(?:(?P<rf>{alt(L.range_from)}|{at})\s*)?{_time('1', L, True)}\s*"
        rf"{alt(L.range_to)}\s*{_time('2', L, False)}",
        "time_period": rf"(?:(?P<at>{at})\s*)?{_time('', L, True)}\s+"
        rf"{alt(L.period_preps)}\s+{period}",
        "named": rf"(?:(?P<at>{at})\s+)?(?P<named>{alt(L.noon + L.midnight + L.end_of_day)})",
        "time": rf"(?:(?P<at>{at})\s*)?{_time('', L, True)}",
        "period": rf"(?:(?P<this>{alt(L.this)})|{alt(L.period_preps)})\s+{period}",
    }
    return tuple((name, re.compile(rx)) for name, rx in raw.items())


def _bare_after(L: Language) -> str:
    period = rf"(?P<per>{alt(w for ws in L.periods.values() for w in ws)})"
    bare_range = rf"{_time('1', L, True)}\s*{alt(L.range_to)}\s*{_time('2', L, False)}"
    return (
        rf"\s*,?\s*(?:(?:{alt(L.at)}|{alt(L.period_preps)})\s*)?"
        rf"(?:(?P<range>{bare_range})|(?P<time>{_time('', L, True)})|{period})"
    )


def _days(L: Language) -> dict[str, str]:
    table: dict[str, str] = {}
    for words, value in (
        (L.today, "0"),
        (L.tomorrow, "1"),
        (L.day_after_tomorrow, "2"),
        (L.yesterday, "yesterday"),
        (L.tonight, "tonight"),
    ):
        table.update((key(w), value) for w in words)
    return table


def _named(L: Language) -> dict[str, tuple[int, int]]:
    table = {key(w): (12, 0) for w in L.noon}
    table.update((key(w), (0, 0)) for w in L.midnight)
    table.update((key(w), (17, 0)) for w in L.end_of_day)
    return table


def _fuzzy(L: Language) -> frozenset[str]:
    """Words whose misspelling ("tomorow") means an unreadable time, not part of the subject.
    Short month names are left out: "Match" is not a typo of "March"."""
    words = [*L.today, *L.tomorrow, *L.yesterday, *L.tonight, *L.noon, *L.midnight]
    words += [w for names in L.weekdays for w in names]
    words += [w for names in L.months for w in names if len(w) >= 6]
    return frozenset(fold(w) for w in words if w.isalpha() and len(w) >= 5)


@cache
def grammar_for(L: Language) -> Grammar:
    """Compile `L` once; about a millisecond per language, paid on first use, not at import."""
    phrases = {key(p): kind for kind, words in L.commands.items() for p in words}
    every_command = alt(p for words in L.commands.values() for p in words)
    lead = alt((*L.subject_lead, *L.list_preps))
    return Grammar(
        lang=L,
        command=re.compile(
            rf"\s*(?:{alt(L.preambles)}\s*[,:]?\s*)*(?P<cmd>{every_command})(?=$|[\s,:;.!?])"
        ),
        command_kinds=phrases,
        schedule_filler=re.compile(rf"\s*{alt(L.schedule_fillers)}(?=$|[\s,:;])"),
        cancel_filler=re.compile(rf"\s*(?:{alt(L.cancel_fillers)}\s+)+"),
        everyone=re.compile(rf"(?<![\w@]){alt(L.everyone)}(?!\w)"),
        attendee_group=re.compile(
            rf"(?:{alt(L.with_words)}\s*:?\s*)?\x01+(?:\s*{alt(L.list_joiners)}?\s*\x01+)*"
        ),
        steps=_steps(L),
        bare_after=re.compile(_bare_after(L)),
        range_gap=re.compile(rf"\s*{alt(L.range_to)}\s*"),
        range_to_lead=re.compile(rf"{alt(L.range_to)}\s"),
        range_lead=re.compile(rf"{alt(L.range_from)}\s*$"),
        week_range=re.compile(
            rf"\s*(?:{alt(L.list_preps)}\s+)?(?:(?P<this>{alt(L.this_week)})"
            rf"|(?P<next>{alt(L.next_week)}))\s*$"
        ),
        with_lead=re.compile(rf"\s*{alt(w for w in L.with_words if w != L.messages['and'])}\s+"),
        subject_lead=re.compile(rf"^(?:[\s,:;\-–—]*(?:{lead})(?=[\s:]|$))*[\s,:;\-–—]*"),
        subject_trail=re.compile(
            rf"(?:[\s,:;\-–—]*(?<!\w)(?:{alt(L.subject_trail)}))*[\s,:;\-–—]*$"
        ),
        dangling_duration=re.compile(
            rf"{alt(L.duration_preps)}\s+\d{{1,3}}(?:[.,]\d+)?(?:\s*[^\W\d_]{{1,3}})?\W*$"
        ),
        days=_days(L),
        weekdays=_index(L.weekdays),
        months=_index(L.months),
        periods={key(w): name for name, ws in L.periods.items() for w in ws},
        named=_named(L),
        numbers={key(w): n for w, n in L.number_words.items()},
        fixed_durations={key(w): n for w, n in L.duration_phrases.items()},
        hour_units=frozenset(key(w) for w in L.hour_units + L.hour_units_short),
        day_units=frozenset(key(w) for w in L.day_units),
        week_units=frozenset(key(w) for w in L.week_units),
        fuzzy_words=_fuzzy(L),
        generic_subjects=frozenset(key(w) for w in L.generic_subjects),
    )
