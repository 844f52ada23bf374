"""A language's words as lookup tables: folded word -> what it means (a day offset, a weekday
or month index, a named time), the typos read as words, and every word the language knows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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


def words_of(L: Language) -> frozenset[str]:
    """Every word of the language's lists, folded: never a typo of something else."""
    words: set[str] = set()
    for value in vars(L).values():
        phrases: list[str] = []
        if isinstance(value, tuple):
            phrases = [p for v in value for p in (v if isinstance(v, tuple) else (v,))]
        elif isinstance(value, Mapping) and value is not L.messages:
            phrases = [
                p for k, v in value.items() for p in ((k, *v) if isinstance(v, tuple) else (k,))
            ]
        words.update(w for p in phrases if isinstance(p, str) for w in fold(p).split())
    return frozenset(words)
