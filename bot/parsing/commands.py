"""Each language's command words, compiled only when a message could start with them.

A message is tried against every language's command words on purpose: people write in any
language, whatever their Teams locale. But compiling one language's command patterns costs
milliseconds, and the first message of a fresh replica used to compile all five.
Every phrase of an alternation built by `alt` starts with a fixed piece of text (its first word
up to an inner hyphen, bot.parsing.text.openings), so a language none of whose command words or
polite openings ("please", "por favor") starts where the message's first word does cannot read
it. `Commands.lead` tells that by comparing text, and compiles the language's pattern only
when it might match: the reading is the one trying every language's pattern gives
(tests/unit/parsing/test_command_words.py checks it over every command word of every language).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, cached_property

from bot.language import Language
from bot.parsing.text import Openings, alt, closings, fold, key, opening, openings, word_at

_MARKS = ("¿", "¡")
Starts = tuple[tuple[int, str], ...]


def starts(folded: str) -> Starts:
    """Where a pattern opening with `\\s*[¿¡]?\\s*` can read its first word (after the blanks,
    and after the opening mark when there is one: no word starts with a blank), each with the
    run of word characters there."""
    rest = folded.lstrip()
    first = len(folded) - len(rest)
    at = [first]
    if rest[:1] in _MARKS:
        at.append(len(folded) - len(rest[1:].lstrip()))
    return tuple((i, word_at(folded, i)) for i in at)


def _may(openings: Openings, folded: str, at: Starts) -> bool:
    return any(openings.at(folded, i, run) for i, run in at)


class Commands:
    """One language's command words: tables built, and patterns compiled, on first use.

    `lead`, `split_verb` and `last` match as the compiled patterns `command`, `separable` and
    `command_last` do, but first rule out, without compiling, a message that cannot match."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self._by_start: dict[tuple[tuple[str, tuple[str, ...]], ...], re.Pattern[str]] = {}

    @cached_property
    def _preamble(self) -> str:
        return rf"\s*[¿¡]?\s*(?:{alt(self.lang.preambles)}\s*[,:]?\s*)*"

    @cached_property
    def _every(self) -> tuple[str, ...]:
        return tuple(p for words in self.lang.commands.values() for p in words)

    @cached_property
    def _last(self) -> tuple[str, ...]:
        return tuple(p for words in self.lang.commands_last.values() for p in words)

    @cached_property
    def _split(self) -> tuple[list[str], ...]:
        """German separable verbs as folded words: ["plane", "ein"]."""
        return tuple(fold(p).split() for words in self.lang.separable.values() for p in words)

    @cached_property
    def leads(self) -> Openings:
        """How the command pattern's first word starts: as a preamble or a command word."""
        return openings((*self.lang.preambles, *self._every))

    @cached_property
    def _preamble_leads(self) -> Openings:
        return openings(self.lang.preambles)

    @cached_property
    def _openers(
        self,
    ) -> tuple[Mapping[str, tuple[str, ...]], tuple[tuple[str, tuple[str, ...]], ...]]:
        """The command phrases by how they start (see Openings): by a whole first word, or by
        a prefix."""
        by_word: dict[str, list[str]] = {}
        by_prefix: dict[str, list[str]] = {}
        for phrase in self._every:
            if phrase.strip():
                text, whole = opening(phrase.strip(), edges=False)
                (by_word if whole else by_prefix).setdefault(text, []).append(phrase)
        words = {word: tuple(phrases) for word, phrases in by_word.items()}
        return words, tuple((prefix, tuple(phrases)) for prefix, phrases in by_prefix.items())

    @cached_property
    def split_leads(self) -> Openings:
        """How the separable-verb pattern's first word starts (nothing, without such verbs)."""
        if not self._split:
            return Openings(frozenset(), ())
        return openings((*self.lang.preambles, *(p[0] for p in self._split)))

    @cached_property
    def _last_ends(self) -> tuple[str, ...]:
        return tuple(closings(self._last))

    @cached_property
    def command(self) -> re.Pattern[str]:
        every = alt(self._every)
        return re.compile(rf"{self._preamble}(?P<cmd>{every})(?=$|[\s,:;.!?])")

    @cached_property
    def command_last(self) -> re.Pattern[str] | None:
        """ "Budget-Review absagen": the verb ends the sentence."""
        if not self._last:
            return None
        return re.compile(rf"{self._preamble}(?P<rest>.*?\S)[\s,]+(?P<cmd>{alt(self._last)})\s*$")

    @cached_property
    def separable(self) -> re.Pattern[str] | None:
        """ "Plane Sync morgen 10 Uhr ein": the particle ends the sentence."""
        if not self._split:
            return None
        verbs, particles = alt(p[0] for p in self._split), alt(p[-1] for p in self._split)
        tail = rf"(?:[\s,]+{alt(self.lang.subject_trail)})*"
        return re.compile(
            rf"{self._preamble}(?P<cmd>{verbs})\s+(?P<rest>.*?\S)[\s,]+(?P<part>{particles})"
            rf"{tail}\s*$"
        )

    @cached_property
    def invite(self) -> re.Pattern[str] | None:
        """ "Anna zum Sync": who, then what."""
        if not self._split or not self.lang.invite_to:
            return None
        return re.compile(rf"(?P<who>.+?)\s+{alt(self.lang.invite_to)}\s+(?P<what>.+)")

    @cached_property
    def preambles(self) -> re.Pattern[str]:
        return re.compile(self._preamble)

    @cached_property
    def kinds(self) -> Mapping[str, str]:
        """key(phrase) -> kind."""
        return {key(p): kind for kind, words in self.lang.commands.items() for p in words}

    @cached_property
    def last_kinds(self) -> Mapping[str, str]:
        return {key(p): kind for kind, words in self.lang.commands_last.items() for p in words}

    @cached_property
    def separable_kinds(self) -> Mapping[str, str]:
        """key("plane ein") -> kind."""
        return {key(p): kind for kind, words in self.lang.separable.items() for p in words}

    @cached_property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """Every command phrase as folded words, longest first, then in alphabetical order:
        a typo as close to two phrases reads as the same one on every replica."""
        return tuple(sorted({tuple(fold(p).split()) for p in self._every}, key=_longest_first))

    @cached_property
    def by_initial(self) -> Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]]:
        """The phrases by their first letter, each with its place in `phrases`: a message's
        first word one typo away from a phrase's starts with one of that word's first two
        letters, so only those phrases are compared with it (bot/parsing/fix.py)."""
        found: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for i, phrase in enumerate(self.phrases):
            if phrase:  # a phrase of no words is never a typo's
                found.setdefault(phrase[0][0], []).append((i, phrase))
        return {initial: tuple(phrases) for initial, phrases in found.items()}

    @cached_property
    def longer_starts(self) -> frozenset[str]:
        """The first words of the phrases of more than one word: a typo can make a longer
        phrase of the words read only if they start one (bot/parsing/fix.py::command_typo)."""
        return frozenset(phrase[0] for phrase in self.phrases if len(phrase) > 1)

    @cached_property
    def written(self) -> Mapping[tuple[str, ...], str]:
        """Folded words -> the phrase as the language writes it."""
        return {tuple(fold(p).split()): p for p in self._every}

    def lead(self, folded: str, at: Starts, *, ruled_in: bool = False) -> re.Match[str] | None:
        """`command.match(folded)`; `at` is `starts(folded)`; `ruled_in` when an index of the
        command words already found that the message may start with this language's.

        A message that starts with no preamble ("please") can only match with the command
        phrases that start where it does: until the language's whole pattern is compiled (~5
        ms for its ~100 phrases; the start-up warm-up does it), a pattern of those few alone,
        compiled in a fraction of a millisecond, matches it the same way."""
        if not ruled_in and not _may(self.leads, folded, at):
            return None
        if "command" in vars(self) or _may(self._preamble_leads, folded, at):
            return self.command.match(folded)  # compiled (a cached_property), or needed
        return self.lead_by_start(folded, at)

    def lead_by_start(self, folded: str, at: Starts) -> re.Match[str] | None:
        """`command.match(folded)` for a message no preamble can start: the phrases that start
        where it does, alone."""
        by_word, by_prefix = self._openers
        key = tuple(  # a word no phrase starts with is no part of it: few keys, ever
            (
                run if run in by_word else "",
                tuple(prefix for prefix, _ in by_prefix if folded.startswith(prefix, i)),
            )
            for i, run in at
        )
        if not any(run or prefixes for run, prefixes in key):
            return None  # no phrase starts there
        rx = self._by_start.get(key)
        if rx is None:
            rx = self._by_start[key] = self._starting(key)
        return rx.match(folded)

    def _starting(self, key: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
        """The command pattern with no preamble and only the phrases that start as `key` says
        (the first word, and the prefixes found, at each place a word can start)."""
        by_word, by_prefix = self._openers
        phrases = {p for run, _ in key for p in by_word.get(run, ())}
        found = {prefix for _, prefixes in key for prefix in prefixes}
        phrases.update(p for prefix, ps in by_prefix if prefix in found for p in ps)
        return re.compile(rf"\s*[¿¡]?\s*(?P<cmd>{alt(phrases)})(?=$|[\s,:;.!?])")

    def split_verb(self, folded: str, at: Starts) -> re.Match[str] | None:
        """`separable.match(folded)`, None when the language has no separable verbs."""
        if not self._split or not _may(self.split_leads, folded, at):
            return None
        assert self.separable is not None
        return self.separable.match(folded)

    def last(self, folded: str) -> re.Match[str] | None:
        """`command_last.match(folded)`, None when no command word of the language ends it."""
        if not self._last or not folded.rstrip().endswith(self._last_ends):
            return None
        assert self.command_last is not None
        return self.command_last.match(folded)


@cache
def commands_for(L: Language) -> Commands:
    """The command words of `L`, one object per language (its patterns compile on first use)."""
    return Commands(L)


def _longest_first(phrase: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    return -len(phrase), phrase
