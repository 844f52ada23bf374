"""A pattern skipped because the message lacks the texts it needs (bot/parsing/lazy.py) could not
have matched it: proved from each compiled pattern's structure, for every pattern of every
language, so that skipping one never changes a reading."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from bot.language import ALL, Language
from bot.parsing import extras
from bot.parsing.grammar import Grammar, grammar_for
from bot.parsing.lazy import Lazy, Needs, needs
from bot.parsing.text import fold
from tests.unit.parsing.cases import CASES

_WHOLE = re.compile(r"\w+")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_EDGES = (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING)
_WORD = (sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD)
_BLANK = (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE)
EDGE = "\x00"  # where the pattern asserts a word ends: no word character on the other side
_MANY = 20_000  # strings a run of literal items may spell before it is judged on its own


def _no_word(op: Any, av: Any) -> bool:
    """An item that asserts the character beside it is no word character: \\b, ^, $, (?<!\\w)."""
    if op is sre.AT:
        return av in _EDGES
    if op is not sre.ASSERT_NOT or len(av[1]) != 1 or av[1][0][0] is not sre.IN:
        return False
    members = av[1][0][1]
    return any(o is sre.CATEGORY and a in _WORD for o, a in members)


def _blanks(op: Any, av: Any) -> bool:
    """An item that reads at least one character, and only characters that are no word
    characters: \\s+, [\\s,]+."""
    if op not in _REPEATS or av[0] < 1 or len(av[2]) != 1 or av[2][0][0] is not sre.IN:
        return False
    members = av[2][0][1]
    return all(
        (o is sre.CATEGORY and a in _BLANK) or (o is sre.LITERAL and not _wordy(chr(a)))
        for o, a in members
    )


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _strings(op: Any, av: Any) -> set[str] | None:
    """The strings a literal-only item can match (EDGE for an assertion that a word ends there,
    "" for other zero-width ones); None when it can match more than a few words."""
    if op is sre.LITERAL:
        return {chr(av)}
    if _no_word(op, av):
        return {EDGE}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.IN:
        chars = [chr(a) for o, a in av if o is sre.LITERAL]
        return set(chars) if len(chars) == len(av) else None
    if op is sre.SUBPATTERN:
        assert not av[1], "no inline flags: the text is folded, never matched case-blind"
        return _spelled(av[3])
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            spelled = _spelled(branch)
            if spelled is None:
                return None
            found |= spelled
        return found
    if op in _REPEATS and av[:2] == (0, 1):
        inner = _spelled(av[2])
        return None if inner is None else inner | {""}
    return None


def _spelled(items: Any) -> set[str] | None:
    found = {""}
    for op, av in items:
        part = _strings(op, av)
        if part is None or len(found) * len(part) > _MANY:
            return None
        found = {a + b for a in found for b in part}
    return found


def _sequence(items: Any, wanted: Needs) -> bool:
    """Whether every match of the sequence leaves what is `wanted` in the text: some run of
    literal items of it always spells it, or some other item always holds it."""
    items = list(items)
    run, start = {""}, 0  # what the literal items from `start` on spell
    for i, (op, av) in enumerate(items):
        if _item(op, av, wanted):
            return True
        part = _strings(op, av)
        if part is not None and len(run) * len(part) <= _MANY:
            run = {a + b for a in run for b in part}
            continue
        edge = EDGE if _blanks(op, av) else ""
        if _all_hold({s + edge for s in run}, wanted):
            return True
        if op is sre.BRANCH and run != {""}:  # re factored the alternatives' common start out
            rest = items[i + 1 :]
            if all(_sequence([*items[start:i], *branch, *rest], wanted) for branch in av[1]):
                return True
        run, start = (part, i) if part is not None else ({edge}, i + 1)
    return _all_hold(run, wanted)


def _whole(word: str, spelled: str) -> bool:
    """Whether `word` is in `spelled` with no word character on either side."""
    at = spelled.find(word)
    while at >= 0:
        end = at + len(word)
        before, after = spelled[at - 1 : at], spelled[end : end + 1]
        if before and after and not _wordy(before) and not _wordy(after):
            return True
        at = spelled.find(word, at + 1)
    return False


def _all_hold(spelled: set[str], wanted: Needs) -> bool:
    return all(
        any(t in s for t in wanted.texts) or any(_whole(w, s) for w in wanted.words)
        for s in spelled
    )


def _item(op: Any, av: Any, wanted: Needs) -> bool:
    if op is sre.SUBPATTERN:
        assert not av[1], "no inline flags: the text is folded, never matched case-blind"
        return _sequence(av[3], wanted)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, wanted)
    if op is sre.BRANCH:
        return all(_sequence(branch, wanted) for branch in av[1])
    if op in _REPEATS:
        return bool(av[0] >= 1 and _sequence(av[2], wanted))
    if op is sre.ASSERT:  # what a lookaround sees is in the text too
        return _sequence(av[1], wanted)
    if op is sre.ASSERT_NOT:
        return len(av[1]) == 0  # "(?!)" (an empty word list) never matches at all
    return False


def holds(source: str, wanted: Needs) -> bool:
    """Whether every match of `source` leaves what is `wanted` in the text it matched in."""
    assert all(_WHOLE.fullmatch(w) for w in wanted.words), "a word is made of word characters"
    return _sequence(_parser.parse(source), wanted)


def _lazies(L: Language) -> dict[str, Lazy]:
    """Every pattern of the language that can be skipped, by name."""
    gr = grammar_for(L)
    found = {f"step {name}": lazy for name, lazy in gr.steps}
    for name in dir(Grammar):
        value = getattr(gr, name)
        if isinstance(value, Lazy):
            found[name] = value
    patterns = extras._patterns(L)
    found.update((f"repeat {name}", lazy) for name, lazy in patterns.forms)
    found.update((f"option {name}", lazy) for name, lazy in patterns.options)
    found.update(adverb=patterns.adverb, until=patterns.until, span=patterns.span)
    return {name: lazy for name, lazy in found.items() if lazy.needs is not None}


LAZIES = [(L, name) for L in ALL for name in _lazies(L)]


@pytest.mark.parametrize(("lang", "name"), LAZIES, ids=[f"{L.code}-{n}" for L, n in LAZIES])
def test_every_match_holds_a_text_the_pattern_needs(lang: Language, name: str) -> None:
    lazy = _lazies(lang)[name]
    assert lazy.needs is not None
    assert holds(lazy.source, lazy.needs), (name, lazy.needs)


def test_the_patterns_that_need_words_are_checked() -> None:
    """The steps that name a word list, the repetitions, the options and the people."""
    names = {name for _, name in LAZIES}
    assert {"step weekday", "step duration", "repeat weekly", "option record"} <= names
    assert {"everyone", "loose_email", "attendee_group", "schedule_filler"} <= names
    assert {"zone_words", "zone_abbreviations", "step iso"} <= names
    assert len(LAZIES) >= 5 * 30


@pytest.mark.parametrize("lang", ALL, ids=lambda L: L.code)
def test_a_skipped_pattern_finds_nothing_in_any_phrasing(lang: Language) -> None:
    texts = {fold(row.values[0]) for row in CASES}
    for name, lazy in _lazies(lang).items():
        for text in texts:
            if not lazy.wanted(text):
                assert lazy.rx.search(text) is None, (name, text)
            if lazy.needs is not None and not lazy.needs.met(text):
                assert not lazy.wanted(text), (name, text)  # wanted inlines met


def test_the_proof_refuses_a_pattern_that_can_do_without_the_text() -> None:
    every = Needs(texts=("every",))
    assert not holds(r"(?:every\s+)?monday", every)
    assert not holds(r"every|day", every)
    assert not holds(r"(?!every)\w+", every)
    assert holds(r"(?<!\w)(?:every|each)\s+day", Needs(texts=("every", "each")))
    assert holds(r"x(?=\d+ of the month)", Needs(texts=("month",)))
    assert holds(r"(?:\ba\b|\bthe\s+x)", Needs(frozenset({"a", "the"})))
    assert not holds(r"(?:\ba|\bthe\s+x)", Needs(frozenset({"a", "the"})))  # "a" of "april"
    assert not holds(r"(?:a\b|\bthe\s+x)", Needs(frozenset({"a", "the"})))  # "a" of "sala"
    assert not holds(r"\bthe[-\s]?x", Needs(frozenset({"the"})))  # "thex"


def test_needs_keeps_the_shortest_text_that_any_longer_one_holds() -> None:
    found = needs(["Monday", "Mon", "segunda-feira", "segunda", "a las"])
    assert found == Needs(frozenset({"monday", "mon", "a"}), ("segunda",))
    assert needs(["e-mail", "email"]) == Needs(frozenset(), ("e",))
    assert needs(["x"], loose=["hours", "h"]) == Needs(frozenset({"x"}), ("h",))
    assert needs([]) == Needs()


def test_a_word_is_met_whole_and_a_text_anywhere() -> None:
    assert Needs(frozenset({"a"})).met("x a las 3")
    assert not Needs(frozenset({"a"})).met("sala")
    assert Needs(texts=("a",)).met("sala")
    assert not Needs().met("anything")


@pytest.mark.parametrize("lang", ALL, ids=lambda L: L.code)
def test_the_step_gate_opens_the_steps_whose_needs_are_met(lang: Language) -> None:
    gr = grammar_for(lang)
    texts = {fold(row.values[0]) for row in CASES} | {"", "a", "x\x01\x01 - 3"}
    for text in texts:
        bits = gr.step_gate.open(text)
        for i, (name, step) in enumerate(gr.steps):
            expected = step.needs is None or step.needs.met(text)
            assert bool(bits >> i & 1) == expected, (name, text)


@pytest.mark.parametrize("lang", ALL, ids=lambda L: L.code)
def test_a_group_test_is_met_whenever_one_of_its_patterns_may_be(lang: Language) -> None:
    """read_repeat and read_options test once for all their patterns."""
    patterns = extras._patterns(lang)
    groups = [
        (patterns.any_repeat, [*(rx for _, rx in patterns.forms), patterns.adverb]),
        (patterns.any_option, [rx for _, rx in patterns.options]),
    ]
    words = [w for ws in lang.meeting_options.values() for w in ws] + list(lang.repeat_every)
    texts = {fold(row.values[0]) for row in CASES} | {fold(w) for w in words}
    for group, lazies in groups:
        for text in texts:
            if any(lazy.needs is not None and lazy.needs.met(text) for lazy in lazies):
                assert group.met(text), text


@pytest.mark.parametrize("lang", ALL, ids=lambda L: L.code)
def test_no_phrase_is_empty(lang: Language) -> None:
    """read_times skips an empty text, and the subject of no words is None, without patterns."""
    gr = grammar_for(lang)
    for name, step in gr.steps:
        assert step.rx.search("") is None, name
    assert gr.zone_words.rx.search("") is None
    assert gr.zone_abbreviations.rx.search("") is None
    lead, trail = gr.subject_lead.match(""), gr.subject_trail.search("")
    assert lead is not None
    assert lead.end() == 0
    assert trail is not None
    assert trail.start() == 0
