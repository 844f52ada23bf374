"""A language's words as lookup tables: folded word -> what it means (a day offset, a weekday
or month index, a named time), the typos read as words, and every word the language knows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, cached_property

from bot.language import Language
from bot.parsing.text import fold, key


def index_of(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    """Each word of each group -> the group's index (weekdays, months)."""
    return {key(word): i for i, words in enumerate(groups) for word in words}


def day_words(L: Language) -> dict[str, str]:
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


def named_times(L: Language) -> dict[str, tuple[int, int]]:
    table = {key(w): (12, 0) for w in L.noon}
    table.update((key(w), (0, 0)) for w in L.midnight)
    table.update((key(w), (17, 0)) for w in L.end_of_day)
    return table


def fuzzy_words(L: Language) -> dict[str, str]:
    """Words whose misspelling ("tomorow") is read as the word and confirmed.
    Short month names are left out: "Match" is not a typo of "March"."""
    words = [*L.today, *L.tomorrow, *L.yesterday, *L.tonight, *L.noon, *L.midnight]
    words += [w for names in L.weekdays for w in names]
    words += [w for names in L.months for w in names if len(w) >= 6]
    return {fold(w): w for w in words if w.isalpha() and len(w) >= 5}


@cache
def words_of(L: Language) -> frozenset[str]:
    """Every word of the language's lists, folded: never a typo of something else (built once:
    the typo reading and the look-alike check of every language both need it)."""
    words: set[str] = set()
    for value in vars(L).values():
        phrases: list[str] = []
        if isinstance(value, tuple):
            phrases = [p for v in value for p in (v if isinstance(v, tuple) else (v,))]
        elif isinstance(value, Mapping) and value is not L.messages:
            phrases = [
                p for k, v in value.items() for p in ((k, *v) if isinstance(v, tuple) else (k,))
            ]
        words.update(fold(" ".join(p for p in phrases if isinstance(p, str))).split())
    return frozenset(words)


class WordTables:
    """A language's look-up tables, each built the first time a message needs it (building them
    all for every language was part of the first message's wait)."""

    lang: Language

    @cached_property
    def days(self) -> Mapping[str, str]:
        """key(word) -> "0", "1", "2", "yesterday", "tonight"."""
        return day_words(self.lang)

    @cached_property
    def weekdays(self) -> Mapping[str, int]:
        return index_of(self.lang.weekdays)

    @cached_property
    def months(self) -> Mapping[str, int]:
        return index_of(self.lang.months)

    @cached_property
    def periods(self) -> Mapping[str, str]:
        return {key(w): name for name, ws in self.lang.periods.items() for w in ws}

    @cached_property
    def named(self) -> Mapping[str, tuple[int, int]]:
        return named_times(self.lang)

    @cached_property
    def numbers(self) -> Mapping[str, int]:
        return {key(w): n for w, n in self.lang.number_words.items()}

    @cached_property
    def hour_words(self) -> Mapping[str, int]:
        return {key(w): n for w, n in self.lang.hour_words.items()}

    @cached_property
    def clock_offsets(self) -> Mapping[str, int]:
        offsets = {**self.lang.clock_before, **self.lang.clock_after}
        return {key(w): n for w, n in offsets.items()}

    @cached_property
    def fixed_durations(self) -> Mapping[str, int]:
        return {key(w): n for w, n in self.lang.duration_phrases.items()}

    @cached_property
    def hour_units(self) -> frozenset[str]:
        return frozenset(key(w) for w in self.lang.hour_units + self.lang.hour_units_short)

    @cached_property
    def day_units(self) -> frozenset[str]:
        return frozenset(key(w) for w in self.lang.day_units)

    @cached_property
    def week_units(self) -> frozenset[str]:
        return frozenset(key(w) for w in self.lang.week_units)

    @cached_property
    def spelled(self) -> Mapping[str, str]:
        """Folded word -> the word as the language writes it."""
        return fuzzy_words(self.lang)

    @cached_property
    def fuzzy_words(self) -> frozenset[str]:
        return frozenset(self.spelled)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word of the language's lists: never a typo."""
        return words_of(self.lang)

    @cached_property
    def misspellings(self) -> Mapping[str, str]:
        """Folded misspelling -> the word it stands for."""
        return {fold(w): right for w, right in self.lang.misspellings.items()}

    @cached_property
    def zone_names(self) -> Mapping[str, str]:
        return {key(w): z for w, z in self.lang.zone_names.items()}

    @cached_property
    def false_friends(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.lang.zone_false_friends)

    @cached_property
    def generic_subjects(self) -> frozenset[str]:
        return frozenset(key(w) for w in self.lang.generic_subjects)

    @cached_property
    def list_or_schedule(self) -> frozenset[str]:
        return frozenset(key(w) for w in self.lang.list_or_schedule)
