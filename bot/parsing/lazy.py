"""Patterns compiled the first time a message needs them, and run only when it could match.

Compiling a language's grammar takes tens of milliseconds, most of it in `re`'s compiler, and
running every pattern over every message was most of a parse. Most patterns require
one of a word list's phrases ("every", "lobby", a weekday name), and every phrase of an `alt`
alternation starts with fixed text (bot.parsing.text.openings): a message holding none of those
texts cannot match, so the pattern is neither compiled nor run. The texts each pattern needs
are declared beside it; tests/unit/parsing/test_lazy_patterns.py proves from each compiled
pattern, for every language, that every match contains one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.parsing.text import openings

_RUNS = re.compile(r"\w+")


@lru_cache(maxsize=64)
def runs(text: str) -> frozenset[str]:
    """The text's runs of word characters: each pattern asks, so they are found once a text."""
    return frozenset(_RUNS.findall(text))


@dataclass(frozen=True)
class Needs:
    """What every match of a pattern leaves in the text: one of `words` as a whole run of word
    characters ("a" in "a las 3", not in "sala"), or one of `texts` anywhere in it."""

    words: frozenset[str] = frozenset()
    texts: tuple[str, ...] = ()

    def met(self, text: str) -> bool:
        """Run for most patterns of every message: kept to set operations and substring tests."""
        if self.words and not self.words.isdisjoint(runs(text)):
            return True
        return bool(self.texts) and any(map(text.__contains__, self.texts))


def _kept(words: Iterable[str], texts: Iterable[str]) -> Needs:
    """Without a text that holds another (it is in a message only if the other is), nor a word
    that holds a text: fewer tests, met by the same messages."""
    kept: list[str] = []
    for text in sorted(set(texts), key=len):
        if not any(shorter in text for shorter in kept):
            kept.append(text)
    return Needs(frozenset(w for w in words if not any(t in w for t in kept)), tuple(kept))


def either(*alternatives: Needs) -> Needs:
    """Met by every message that meets one of the `alternatives`: one test that rules a group
    of patterns out at once (the repetitions, the meeting options)."""
    words = {w for n in alternatives for w in n.words}
    return _kept(words, (t for n in alternatives for t in n.texts))


def needs(*phrase_lists: Iterable[str], loose: Iterable[str] = ()) -> Needs:
    """What every match of `alt(phrases)` leaves in the text, for the phrases of all the lists:
    each phrase's first word (up to an inner hyphen), a whole word where `alt` puts word
    boundaries around it; `loose` phrases are matched without one on their left."""
    words: set[str] = set()
    texts: set[str] = set()
    for phrases in phrase_lists:
        found = openings(phrases, edges=True)
        words.update(found.words)
        texts.update(found.prefixes)
    found = openings(loose)
    texts.update(found.words, found.prefixes)
    return _kept(words, texts)


class Lazy:
    """A pattern compiled on first use, from its source (or a function that writes it), and
    searched only when the text holds what it `needs` (when given) and `trigger` finds something
    in it (a digit for an hour): otherwise it cannot match, and it says so without running."""

    def __init__(
        self,
        source: str | Callable[[], str],
        trigger: str | None = None,
        needs: Needs | None = None,
    ) -> None:
        self._source = source
        self._trigger = trigger
        self.needs = needs
        self._compiled: re.Pattern[str] | None = None
        self._compiled_trigger: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        return self._source if isinstance(self._source, str) else self._source()

    def wanted(self, text: str) -> bool:
        needs = self.needs  # Needs.met, inlined: this runs for most patterns of every message
        if needs is not None and not (
            (needs.words and not needs.words.isdisjoint(runs(text)))
            or (needs.texts and any(map(text.__contains__, needs.texts)))
        ):
            return False
        return self.triggered(text)

    def triggered(self, text: str) -> bool:
        """Whether the trigger (if any) finds something: the second half of `wanted`."""
        if not self._trigger:
            return True
        if self._compiled_trigger is None:
            self._compiled_trigger = re.compile(self._trigger)
        return self._compiled_trigger.search(text) is not None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.rx.match(text, pos) if self.wanted(text) else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.rx.fullmatch(text) if self.wanted(text) else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if not self.wanted(text):
            return None
        return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text) if self.wanted(text) else iter(())


class Gate:
    """Which of a list of Lazy patterns (the grammar's steps) have what they need in a text: one
    pass over the text's words and the patterns' texts, not one test per pattern.
    `open` returns a bit per pattern; a pattern's trigger is still its own to test."""

    def __init__(self, lazies: Sequence[Lazy]) -> None:
        self._always = 0
        by_word: dict[str, int] = {}
        by_text: dict[str, int] = {}
        for i, lazy in enumerate(lazies):
            if lazy.needs is None:
                self._always |= 1 << i
                continue
            for word in lazy.needs.words:
                by_word[word] = by_word.get(word, 0) | 1 << i
            for text in lazy.needs.texts:
                by_text[text] = by_text.get(text, 0) | 1 << i
        self._by_word = by_word
        self._by_text = tuple(by_text.items())

    def open(self, text: str) -> int:
        bits = self._always
        by_word = self._by_word
        for word in runs(text):
            bits |= by_word.get(word, 0)
        for needed, bit in self._by_text:
            if needed in text:
                bits |= bit
        return bits
