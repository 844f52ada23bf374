"""The shared grammar, compiled once per language from its word lists (see bot.language).

Two parts, compiled on first use: `commands_for` (the command words, tried for every language,
bot/parsing/commands.py) and `grammar_for` (everything after the command, compiled only for the
language that matched).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypedDict

from bot.language import Language
from bot.parsing import patterns
from bot.parsing.commands import Commands, commands_for
from bot.parsing.text import alt, fold, key
from bot.parsing.word_tables import day_words, fuzzy_words, index_of, named_times, words_of

__all__ = ["Commands", "Grammar", "Lazy", "commands_for", "grammar_for"]


class Lazy:
    """A pattern compiled the first time a message needs it, and only when its trigger (a cheap
    test: "/" for slashed dates) finds something: most messages never pay for rare phrases."""

    def __init__(self, source: str, trigger: str | None = None) -> None:
        self.source = source
        self.trigger = re.compile(trigger) if trigger else None
        self._compiled: re.Pattern[str] | None = None

    def wanted(self, text: str) -> bool:
        return self.trigger is None or self.trigger.search(text) is not None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled


@dataclass(frozen=True, eq=False)
class Grammar:
    lang: Language
    schedule_filler: re.Pattern[str]
    cancel_filler: re.Pattern[str]
    cancel_last: re.Pattern[str] | None
    everyone: re.Pattern[str]
    attendee_group: re.Pattern[str]
    loose_email: re.Pattern[str]
    steps: tuple[tuple[str, Lazy], ...]
    bare_after: re.Pattern[str]
    duration_after: re.Pattern[str]
    duration_no_unit: re.Pattern[str]
    zone_words: Lazy
    zone_abbreviations: re.Pattern[str]
    range_gap: re.Pattern[str]
    range_lead: re.Pattern[str]
    range_to_lead: re.Pattern[str]
    week_range: re.Pattern[str]
    subject_lead: re.Pattern[str]
    with_lead: re.Pattern[str]
    subject_trail: re.Pattern[str]
    subject_time_lead: re.Pattern[str]
    dangling_duration: re.Pattern[str]
    at_end: re.Pattern[str]  # "à" right before "15 heures": a time, not a duration
    days: Mapping[str, str]  # key(word) -> "0", "1", "2", "yesterday", "tonight"
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    periods: Mapping[str, str]
    named: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, int]
    hour_words: Mapping[str, int]
    clock_offsets: Mapping[str, int]
    fixed_durations: Mapping[str, int]
    hour_units: frozenset[str]
    day_units: frozenset[str]
    week_units: frozenset[str]
    fuzzy_words: frozenset[str]
    spelled: Mapping[str, str]  # folded word -> the word as the language writes it
    known_words: frozenset[str]  # every word of the language's lists: never a typo
    misspellings: Mapping[str, str]  # folded misspelling -> the word it stands for
    zone_names: Mapping[str, str]
    false_friends: frozenset[str]
    generic_subjects: frozenset[str]
    list_or_schedule: frozenset[str]


class _SubjectPatterns(TypedDict):
    with_lead: re.Pattern[str]
    subject_lead: re.Pattern[str]
    subject_trail: re.Pattern[str]
    subject_time_lead: re.Pattern[str]


class _TimePatterns(TypedDict):
    bare_after: re.Pattern[str]
    duration_after: re.Pattern[str]
    duration_no_unit: re.Pattern[str]
    zone_words: Lazy
    zone_abbreviations: re.Pattern[str]
    range_gap: re.Pattern[str]
    range_to_lead: re.Pattern[str]
    range_lead: re.Pattern[str]
    at_end: re.Pattern[str]
    dangling_duration: re.Pattern[str]


class _Tables(TypedDict):
    days: Mapping[str, str]
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    periods: Mapping[str, str]
    named: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, int]
    hour_words: Mapping[str, int]
    clock_offsets: Mapping[str, int]
    fixed_durations: Mapping[str, int]
    hour_units: frozenset[str]
    day_units: frozenset[str]
    week_units: frozenset[str]
    fuzzy_words: frozenset[str]
    spelled: Mapping[str, str]
    known_words: frozenset[str]
    misspellings: Mapping[str, str]
    zone_names: Mapping[str, str]
    false_friends: frozenset[str]
    generic_subjects: frozenset[str]
    list_or_schedule: frozenset[str]


def _subject_patterns(L: Language) -> _SubjectPatterns:
    lead = alt((*L.subject_lead, *L.list_preps))
    punct = r"[\s,:;\-–—?!]"
    return {
        "with_lead": re.compile(rf"\s*{alt(w for w in L.with_words if w != L.messages['and'])}\s+"),
        "subject_lead": re.compile(rf"^(?:{punct}*(?:{lead})(?=[\s:]|$))*{punct}*"),
        "subject_trail": re.compile(rf"(?:{punct}*(?<!\w)(?:{alt(L.subject_trail)}))*{punct}*$"),
        "subject_time_lead": re.compile(rf"(?:^|[\s,(])(?:{alt(L.subject_time_leads)})\s*$"),
    }


def _time_patterns(L: Language) -> _TimePatterns:
    return {
        "bare_after": re.compile(patterns.bare_after(L)),
        "duration_after": re.compile(rf"\s*,?\s*{patterns.duration(L, True, False)}"),
        "duration_no_unit": re.compile(
            rf"{alt(L.duration_preps)}\s+(?P<n>\d{{2,3}})(?=\s*(?:$|[\x01\x02\x03,;]))"
        ),
        "zone_words": Lazy(patterns.zone_words(L), patterns.zone_trigger(L)),
        "zone_abbreviations": re.compile(patterns.zone_abbreviations()),
        "range_gap": re.compile(rf"\s*{alt(L.range_to)}\s*"),
        "range_to_lead": re.compile(rf"{alt(L.range_to)}\s"),
        "range_lead": re.compile(rf"{alt(L.range_from)}\s*$"),
        "at_end": re.compile(rf"(?:^|\s){alt(L.at)}\s*$"),
        "dangling_duration": re.compile(
            rf"{alt(L.duration_preps)}\s+\d{{1,3}}(?:[.,]\d+)?(?:\s*[^\W\d_]{{1,3}})?\W*$"
        ),
    }


def _tables(L: Language) -> _Tables:
    fuzzy = fuzzy_words(L)
    return {
        "days": day_words(L),
        "weekdays": index_of(L.weekdays),
        "months": index_of(L.months),
        "periods": {key(w): name for name, ws in L.periods.items() for w in ws},
        "named": named_times(L),
        "numbers": {key(w): n for w, n in L.number_words.items()},
        "hour_words": {key(w): n for w, n in L.hour_words.items()},
        "clock_offsets": {key(w): n for w, n in {**L.clock_before, **L.clock_after}.items()},
        "fixed_durations": {key(w): n for w, n in L.duration_phrases.items()},
        "hour_units": frozenset(key(w) for w in L.hour_units + L.hour_units_short),
        "day_units": frozenset(key(w) for w in L.day_units),
        "week_units": frozenset(key(w) for w in L.week_units),
        "fuzzy_words": frozenset(fuzzy),
        "spelled": fuzzy,
        "known_words": words_of(L),
        "misspellings": {fold(w): right for w, right in L.misspellings.items()},
        "zone_names": {key(w): z for w, z in L.zone_names.items()},
        "false_friends": frozenset(fold(w) for w in L.zone_false_friends),
        "generic_subjects": frozenset(key(w) for w in L.generic_subjects),
        "list_or_schedule": frozenset(key(w) for w in L.list_or_schedule),
    }


@cache
def grammar_for(L: Language) -> Grammar:
    """Compile `L` once; a few milliseconds per language, paid on first use, not at import."""
    cancel_last = L.commands_last.get("cancel", ())
    with_words = alt(L.with_words)
    triggers = patterns.triggers(L)
    return Grammar(
        lang=L,
        schedule_filler=re.compile(rf"\s*{alt(L.schedule_fillers)}(?=$|[\s,:;])"),
        cancel_filler=re.compile(rf"\s*(?:{alt(L.cancel_fillers)}\s+)+"),
        cancel_last=re.compile(rf"[\s,]+{alt(cancel_last)}\s*$") if cancel_last else None,
        everyone=re.compile(rf"(?<![\w@]){alt(L.everyone)}(?!\w)"),
        attendee_group=re.compile(
            rf"(?:{with_words}\s*:?\s*)?\x01+(?:\s*{alt(L.list_joiners)}?\s*\x01+)*"
        ),
        loose_email=re.compile(
            rf"{with_words}\s*:?\s*(?P<addr>[a-z0-9][\w.%+-]*@[a-z][\w-]*)"
            r"(?![\w.@-])"
        ),
        steps=tuple((name, Lazy(rx, triggers.get(name))) for name, rx in patterns.steps(L).items()),
        week_range=re.compile(
            rf"\s*(?:{alt(L.list_preps)}\s+)?(?:(?P<this>{alt(L.this_week)})"
            rf"|(?P<next>{alt(L.next_week)}))\s*$"
        ),
        **_time_patterns(L),
        **_subject_patterns(L),
        **_tables(L),
    )
