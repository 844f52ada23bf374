"""Text helpers: a length-preserving fold (so spans found in it index the original) and regex
alternations built from word lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL = {"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "}
_WORD_EDGE = re.compile(r"\w")


@lru_cache(maxsize=2048)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low.isascii():
        return low
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return base if len(base) == 1 else low


class _Folded(dict[int, str]):
    """Each character's fold, for str.translate (half the time of a join over the
    characters); the characters of the scripts people write in are kept, the rest (a flood of
    emoji) are not."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if code < 0x3000:
            self[code] = folded
        return folded


_FOLDED = _Folded()


def fold(text: str) -> str:
    """Lower-case and strip accents one character at a time: len(fold(s)) == len(s)."""
    if text.isascii():
        return text.lower()
    return _fold_accented(text)


@lru_cache(maxsize=1024)
def _fold_accented(text: str) -> str:
    """A message is folded whole, then in pieces, several times: each once."""
    return text.translate(_FOLDED)


_KEY_JUNK = re.compile(r"[\s\-.]+")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_WORD_RUN = re.compile(r"\w*")


@lru_cache(maxsize=4096)
def key(phrase: str) -> str:
    """Normalise a phrase for dictionary look-up: folded, without spaces, hyphens or dots
    (the same few words are looked up in every message: cached)."""
    return _KEY_JUNK.sub("", fold(phrase))


def _edge_left(phrase: str) -> str:
    return r"\b" if _WORD_EDGE.match(phrase[0]) else ""


def _parts(phrase: str) -> list[list[str]]:
    """The phrase's folded words, each split at its inner hyphens ("e-mail": "e", "mail")."""
    return [_HYPHEN.split(word) for word in fold(phrase).split()]


def _phrase(phrase: str, left: bool, right: str) -> str:
    body = r"\s+".join(r"[-\s]?".join(re.escape(part) for part in word) for word in _parts(phrase))
    if left:
        body = _edge_left(phrase) + body
    if _WORD_EDGE.match(phrase[-1]):
        if right == "word":
            body += r"\b"
        elif right == "letter":
            body += r"(?![^\W\d_])"
    return body


def _unique(phrases: Iterable[str]) -> set[str]:
    return {p.strip() for p in phrases if p.strip()}


def alt(phrases: Iterable[str], *, left: bool = True, right: str = "word") -> str:
    """A non-capturing alternation, longest first, with word boundaries where the phrase edges
    are letters or digits. `right="letter"` lets a digit follow ("1h30")."""
    return _alt(frozenset(_unique(phrases)), left, right)


@lru_cache(maxsize=1024)
def _alt(unique: frozenset[str], left: bool, right: str) -> str:
    """The same word lists make several patterns of a language ("at", the weekdays): each
    alternation is written once (writing them was a fifth of compiling a grammar)."""
    if not unique:
        return "(?!)"
    ordered = sorted(unique, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_phrase(p, left, right) for p in ordered) + ")"


@dataclass(frozen=True)
class Openings:
    """How every match of `alt(phrases)` begins: with one of `words` as a whole run of word
    characters, or with one of `prefixes`. Testing that is far cheaper than compiling the
    alternation, and rules most patterns out (the first message of a replica used to
    compile every language's command words)."""

    words: frozenset[str]
    prefixes: tuple[str, ...]

    def at(self, text: str, i: int, run: str) -> bool:
        """Whether a match may start at `i`, where `run` is the run of word characters."""
        return run in self.words or text.startswith(self.prefixes, i)


def opening(phrase: str, edges: bool) -> tuple[str, bool]:
    """The text every match of the phrase starts with, literally (its first word up to an inner
    hyphen), and whether it is a whole run of word characters: no word character follows it
    (a blank follows the first word of a longer phrase; a word boundary, a phrase ending in a
    word character) and, with `edges`, none comes before it (a word boundary, a phrase starting
    with a word character)."""
    words = fold(phrase).split()  # _parts, for the first word only: every phrase, cold
    if not words:
        return "", False
    pieces = _HYPHEN.split(words[0]) if "-" in words[0] else [words[0]]
    first = pieces[0]
    whole = len(pieces) == 1 and (len(words) > 1 or bool(_WORD_EDGE.match(phrase[-1])))
    if edges and not _WORD_EDGE.match(phrase[0]):
        whole = False
    return first, whole and _WORD_RUN.fullmatch(first) is not None


def openings(phrases: Iterable[str], *, edges: bool = False) -> Openings:
    """For `alt(phrases)` with its default word boundaries: `words` are whole words after the
    position a match starts at, and with `edges` wherever they are in the text."""
    found = [opening(p, edges) for p in _unique(phrases)]
    return Openings(
        frozenset(text for text, whole in found if whole),
        tuple(sorted({text for text, whole in found if not whole})),
    )


def word_at(text: str, i: int) -> str:
    """The run of word characters (as a regex reads them) starting at `i`."""
    m = _WORD_RUN.match(text, i)
    return m[0] if m else ""


def closings(phrases: Iterable[str]) -> frozenset[str]:
    """The text every match of `alt(phrases)` ends with, one of these literally: its phrase's
    last word after its last inner hyphen."""
    return frozenset(parts[-1][-1] if parts else "" for parts in map(_parts, _unique(phrases)))
