"""Words that look like a date or time word but were not read as one ("vendredj", "wensday",
"nächstn", a French "vendredi" in an English sentence). They stay in the subject, but never
silently: a word close to a time word of any supported language, next to the time the message
names, makes the reading unsure, and the confirmation says which word and what it resembles.

Ordinary words that happen to be close ("Morgan", "junior", "Marco") are each language's
`time_lookalikes`; a name after "with" is a person, not a day."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache

from bot.language import ALL, Language
from bot.parsing.atoms import Found
from bot.parsing.fix import Fix, distance
from bot.parsing.grammar import Grammar
from bot.parsing.text import fold
from bot.parsing.word_tables import words_of

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = re.compile(r"[aeiouy]")
_DIGIT = re.compile(r"\d")
_GAP_WORD = re.compile(r"[^\W_]+")
SHORTEST = 5  # shorter words are too often something else ("fir", "mon", "sat")
MAX_GAP = 2  # words allowed between the suspect and the time the message names ("a las")


_FLAT = ("today", "tomorrow", "day_after_tomorrow", "yesterday", "tonight", "noon", "midnight")
_CLOCK = frozenset({"noon", "midnight"})
#: "next", "last": read only right before or after a weekday ("nexxt friday", "lundi prochian")
_WEEKDAY_MODE = ("next", "next_suffix", "last", "last_suffix", "after_next")


def _time_words(L: Language) -> Iterable[tuple[str, str, int]]:
    """The words that name a day or a month, with where they stand in the language's lists
    ("vendredi": weekdays, 4): what a typo must not silently turn into a subject."""
    for name in ("weekdays", "months"):
        for i, names in enumerate(getattr(L, name)):
            yield from ((w, name, i) for w in names)
    for name in _FLAT:
        yield from ((w, name, -1) for w in getattr(L, name))
    for name in _WEEKDAY_MODE:  # each word: "le prochain" -> "prochain"
        yield from ((w, name, -1) for p in getattr(L, name) for w in p.split() if len(w) >= 4)


def said_as(L: Language, name: str, index: int) -> str:
    """How `L` says the time word at (`name`, `index`): "Friday" for ("weekdays", 4)."""
    words = getattr(L, name)
    return str(words[index][0] if index >= 0 else words[0]) if words else ""


Entry = tuple[str, str, int]  # the word as written, the list it is in, its index there


@cache
def _vocabulary() -> tuple[Mapping[str, Mapping[str, Entry]], frozenset[str], frozenset[str]]:
    """Every language's time words by first letter (folded -> as written), every word any
    language knows, and the look-alikes that are never suspects."""
    by_letter: dict[str, dict[str, Entry]] = {}
    for L in ALL:
        for phrase, name, index in _time_words(L):
            folded = fold(phrase)  # one word: "feira" alone is no day
            shortest = 4 if name in _WEEKDAY_MODE else SHORTEST
            if len(folded) >= shortest and folded.isalpha():
                by_letter.setdefault(folded[0], {}).setdefault(folded, (phrase, name, index))
    known = frozenset(w for L in ALL for w in words_of(L))
    lookalikes = frozenset(fold(w) for L in ALL for w in L.time_lookalikes)
    return by_letter, known, lookalikes


@lru_cache(maxsize=4096)
def resembles(word: str, lang: Language, own: frozenset[str]) -> tuple[str, str] | None:
    """The time word `word` (folded) looks like, or None. A word of the message's own language
    `lang` (its words: `own`) is no suspect ("segundo" is not "segunda" in Portuguese); another
    language's time word is ("vendredi" in an English sentence: it looks like "Friday"), and so
    is a typo of any language's that no language knows as a word ("vendredj": "vendredi").
    Returns the word it looks like and the list that word is in ("weekdays", "next")."""
    by_letter, known, lookalikes = _vocabulary()
    if len(word) < 4 or word in own or word in lookalikes:
        return None
    targets = by_letter.get(word[0], {})
    if word in targets:
        written, name, index = targets[word]
        return said_as(lang, name, index) or written, name
    if word in known:
        return None
    hits = []
    for target, (written, name, _) in targets.items():
        if len(_VOWELS.findall(target)) < 2 and name not in _WEEKDAY_MODE:
            continue  # "tmrow" is shorthand: "throw" is no typo of it
        limit = 1 if len(target) <= 7 else 2
        if abs(len(word) - len(target)) > limit or word == target + "s":
            continue
        edits = distance(word, target)
        if edits <= limit:
            hits.append((edits, target, written, name))
    return min(hits)[2:] if hits else None


def _gap(start: int, end: int, text: str, f: Found) -> int | None:
    """Words between the word at start:end and the phrase `f` (None: `f` is before it)."""
    if f.start < end:
        return None
    return len(_GAP_WORD.findall(text[end : f.start]))


def _near(start: int, end: int, text: str, finds: Sequence[Found]) -> bool:
    """At most MAX_GAP words between the word and a time or duration the message names."""
    for f in finds:
        after = _gap(start, end, text, f)
        before = len(_GAP_WORD.findall(text[f.end : start])) if f.end <= start else None
        if (after is not None and after <= MAX_GAP) or (before is not None and before <= MAX_GAP):
            return True
    return not finds  # nothing named: anywhere


def _touches(start: int, end: int, text: str, f: Found) -> bool:
    """No word between the word at start:end and the phrase `f`, on either side."""
    between = text[end : f.start] if f.start >= end else text[f.end : start]
    return (f.start >= end or f.end <= start) and not _GAP_WORD.search(between)


def _numbered(start: int, end: int, text: str) -> bool:
    """A number at most one word before or after: "5 marzo", "5 de marzo", "janury 5"."""
    before = _GAP_WORD.findall(text[max(0, start - 20) : start])[-2:]
    after = _GAP_WORD.findall(text[end : end + 20])[:2]
    return any(_DIGIT.search(w) for w in (*before, *after))


def _unread(name: str, start: int, end: int, text: str, finds: Sequence[Found]) -> bool:
    """Whether the time word the word looks like could have changed the reading: a day when
    the message names no date ("Sync vendredj 10h"), noon or midnight when it names no time,
    "next" or "last" right before the weekday it names ("nächstn Freitag")."""
    if name in _WEEKDAY_MODE:
        return any(
            f.date and f.date.kind == "weekday" and _touches(start, end, text, f) for f in finds
        )
    if end - start < SHORTEST:
        return False
    if name in _CLOCK:
        return not any(f.time for f in finds) and _near(start, end, text, finds)
    if name == "months" and not _numbered(start, end, text):
        return False  # "Match analysis at 3pm": a month needs its day ("5 marzo")
    return not any(f.date for f in finds) and _near(start, end, text, finds)


@cache
def _with_words(L: Language) -> frozenset[str]:
    return frozenset(fold(w) for w in L.with_words if " " not in w)


def suspects(
    text: str, pieces: Sequence[tuple[int, int]], finds: Sequence[Found], gr: Grammar
) -> list[Fix]:
    """The words of the leftover `pieces` of `text` (the subject's words) that look like a time
    word, next to the time the message names."""
    folded = fold(text)
    with_words = _with_words(gr.lang)
    found: list[Fix] = []
    for s, e in pieces:
        previous = ""
        for m in _WORD.finditer(folded, s, e):
            word, after_with = m[0], previous in with_words
            previous = word
            if after_with:
                continue  # "with Marco": a person
            like = resembles(word, gr.lang, gr.known_words)
            if like is not None and _unread(like[1], m.start(), m.end(), text, finds):
                found.append(Fix(m.start(), m.end(), text[m.start() : m.end()], like[0]))
    return found
