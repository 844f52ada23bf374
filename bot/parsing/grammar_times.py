"""The part of a language's grammar that reads dates, times, durations and zones.

Each pattern is compiled the first time a message needs it, not with the rest of the
language: "meet now" never compiles the pattern for "22:00 to 01:00", and a pattern that
needs a word list's phrase is not even run on a message without one (bot/parsing/lazy.py).
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from bot.language import Language
from bot.language.zones import ABBREVIATIONS
from bot.parsing import patterns
from bot.parsing.lazy import Gate, Lazy, needs
from bot.parsing.text import alt, fold


@cache
def _zone_abbreviations() -> Lazy:
    """The same for every language: one pattern, compiled once, run only when the message has
    one of the abbreviations as a word."""
    names = [fold(a) for a in ABBREVIATIONS if a not in ("UTC", "GMT")]
    return Lazy(patterns.zone_abbreviations, needs=needs(names))


class TimeGrammar:
    lang: Language

    @cached_property
    def steps(self) -> tuple[tuple[str, Lazy], ...]:
        """The phrase patterns in the order they are read (bot/parsing/patterns.py::steps)."""
        L = self.lang
        triggers, wanted = patterns.triggers(L), patterns.step_needs(L)
        return tuple(
            (name, Lazy(rx, triggers.get(name), wanted.get(name)))
            for name, rx in patterns.steps(L).items()
        )

    @cached_property
    def step_gate(self) -> Gate:
        """Which steps have the words they need in a text (bit i: step i)."""
        return Gate([lazy for _, lazy in self.steps])

    @cached_property
    def bare_after(self) -> Lazy:
        """A bare hour or part of day after a date: it has a digit or a part-of-day word, and
        most messages have neither left once their times are read."""
        L = self.lang
        periods = alt(w for ws in L.periods.values() for w in ws)
        return Lazy(lambda: patterns.bare_after(L), rf"\d|{periods}")

    @cached_property
    def duration_after(self) -> Lazy:
        """A length right after a time: it has a digit, a number word or a fixed phrase."""
        L = self.lang
        return Lazy(
            lambda: rf"\s*,?\s*{patterns.duration(L, True, False)}",
            rf"\d|{alt(L.number_words)}|{alt(L.duration_phrases)}",
        )

    @cached_property
    def duration_no_unit(self) -> Lazy:
        preps = self.lang.duration_preps
        return Lazy(
            lambda: rf"{alt(preps)}\s+(?P<n>\d{{2,3}})(?=\s*(?:$|[\x01\x02\x03,;]))",
            needs=needs(preps),
        )

    @cached_property
    def zone_words(self) -> Lazy:
        """ "UTC+2", "+05:30", "London time", "hora de Lisboa"."""
        L = self.lang
        wanted = needs(
            L.zone_names, L.zone_city_before, L.zone_city_after, loose=("utc", "gmt", "+", "\u2212")
        )
        return Lazy(lambda: patterns.zone_words(L), patterns.zone_trigger(L), wanted)

    @property
    def zone_abbreviations(self) -> Lazy:
        """ "CET", "3pm EST", "10h BRT"."""
        return _zone_abbreviations()

    @cached_property
    def range_gap(self) -> re.Pattern[str]:
        return re.compile(rf"\s*{alt(self.lang.range_to)}\s*")

    @cached_property
    def range_to_lead(self) -> re.Pattern[str]:
        return re.compile(rf"{alt(self.lang.range_to)}\s")

    @cached_property
    def range_lead(self) -> re.Pattern[str]:
        return re.compile(rf"{alt(self.lang.range_from)}\s*$")

    @cached_property
    def at_end(self) -> re.Pattern[str]:
        """ "à" right before "15 heures": a time, not a duration."""
        return re.compile(rf"(?:^|\s){alt(self.lang.at)}\s*$")

    @cached_property
    def dangling_duration(self) -> Lazy:
        preps = self.lang.duration_preps
        return Lazy(
            lambda: rf"{alt(preps)}\s+\d{{1,3}}(?:[.,]\d+)?(?:\s*[^\W\d_]{{1,3}})?\W*$",
            needs=needs(preps),
        )
