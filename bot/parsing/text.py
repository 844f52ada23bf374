"""Text helpers: a length-preserving fold (so spans found in it index the original) and regex
alternations built from word lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
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


def fold(text: str) -> str:
    """Lower-case and strip accents one character at a time: len(fold(s)) == len(s)."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


_KEY_JUNK = re.compile(r"[\s\-.]+")


def key(phrase: str) -> str:
    """Normalise a phrase for dictionary look-up: folded, without spaces, hyphens or dots."""
    return _KEY_JUNK.sub("", fold(phrase))


def _edge_left(phrase: str) -> str:
    return r"\b" if _WORD_EDGE.match(phrase[0]) else ""


def _phrase(phrase: str, left: bool, right: str) -> str:
    words = fold(phrase).split()
    body = r"\s+".join(
        r"[-\s]?".join(re.escape(part) for part in re.split(r"(?<=\w)-(?=\w)", word))
        for word in words
    )
    if left:
        body = _edge_left(phrase) + body
    if _WORD_EDGE.match(phrase[-1]):
        if right == "word":
            body += r"\b"
        elif right == "letter":
            body += r"(?![^\W\d_])"
    return body


def alt(phrases: Iterable[str], *, left: bool = True, right: str = "word") -> str:
    """A non-capturing alternation, longest first, with word boundaries where the phrase edges
    are letters or digits. `right="letter"` lets a digit follow ("1h30")."""
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(_phrase(p, left, right) for p in unique) + ")"
