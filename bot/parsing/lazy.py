"""Patterns compiled the first time a message needs them, and run only when it could match.

Compiling a language's grammar takes tens of milliseconds, most of it in `re`'s compiler, and
running every pattern over every message was most of a parse (issue 15). Most patterns require
one of a word list's phrases ("every", "lobby", a weekday name), and every phrase of an `alt`
alternation starts with fixed text (bot.parsing.text.openings): a message holding none of those
texts cannot match, so the pattern is neither compiled nor run. The texts each pattern needs
are declared beside it; tests/unit/parsing/test_lazy_patterns.py proves from each compiled
pattern, for every language, that every match contains one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.parsing.text import openings


def needs(*phrase_lists: Iterable[str]) -> frozenset[str]:
    """The texts one of which every match of `alt(phrases)` contains, for the phrases of all
    the lists, without a text that holds another (it is in the message only if the other is)."""
    texts: set[str] = set()
    for phrases in phrase_lists:
        found = openings(phrases)
        texts.update(found.words, found.prefixes)
    by_length = sorted(texts, key=len)
    kept: list[str] = []
    for text in by_length:
        if not any(shorter in text for shorter in kept):
            kept.append(text)
    return frozenset(kept)


class Lazy:
    """A pattern compiled on first use, from its source (or a function that writes it), and
    searched only when the text holds one of `needs` (when given) and `trigger` finds something
    in it (a digit for an hour): otherwise it cannot match, and it says so without running."""

    def __init__(
        self,
        source: str | Callable[[], str],
        trigger: str | None = None,
        needs: frozenset[str] | None = None,
    ) -> None:
        self._source = source
        self._trigger = trigger
        self.needs = None if needs is None else tuple(sorted(needs, key=len))
        self._compiled: re.Pattern[str] | None = None
        self._compiled_trigger: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        return self._source if isinstance(self._source, str) else self._source()

    def wanted(self, text: str) -> bool:
        if self.needs is not None and not any(map(text.__contains__, self.needs)):
            return False
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
