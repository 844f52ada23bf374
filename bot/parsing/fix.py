"""Typos read as what they stand for, and said back: "tomorow" is tomorrow, "meet nwo" is
meet now, "2morrow" is tomorrow. Each one is a reason to confirm, never a silent guess."""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.parsing.grammar import Commands, Grammar

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"[^\s,:;.!?]+")


@dataclass(frozen=True)
class Fix:
    """A word read as a close command word: where it is in the text, as said and as read."""

    start: int
    end: int
    said: str  # as the user wrote it
    read: str  # what it was read as


def distance(word: str, target: str) -> int:
    """Edits between two words; a swap of two neighbouring letters is one."""
    before: list[int] = []
    prev = list(range(len(target) + 1))
    for i, a in enumerate(word, 1):
        cur = [i]
        for j, b in enumerate(target, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b))
            if i > 1 and j > 1 and a == target[j - 2] and word[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            cur.append(cost)
        before, prev = prev, cur
    return prev[-1]


def _close(word: str, target: str) -> bool:
    """A typo of `target`, not another form of it ("tomorow" yes, "Mondays", "segundo" no)."""
    limit = 1 if len(target) <= 6 else 2
    if word[0] != target[0] or not -1 <= len(word) - len(target) <= limit:
        return False  # at most one letter missing: "viene" is not "viernes"
    common = len(target) - 1
    if word[:common] == target[:common]:
        return False
    if target[: len(word) - 1] == word[:-1] and word[-1] != target[-1]:
        return False
    return distance(word, target) <= limit


@lru_cache(maxsize=4096)
def closest(word: str, vocabulary: frozenset[str]) -> str | None:
    if word in vocabulary:
        return None
    hits = sorted((distance(word, t), t) for t in vocabulary if _close(word, t))
    return hits[0][1] if hits else None


def corrections(text: str, mask: str, gr: Grammar) -> list[Fix]:
    """Words of the (masked, folded) text that stand for a time word."""
    fixes: list[Fix] = []
    for m in _WORD.finditer(mask):
        word = m[0]
        read = gr.misspellings.get(word)
        if read is None and len(word) >= 5 and word.isalpha() and word not in gr.known_words:
            hit = closest(word, gr.fuzzy_words)
            read = gr.spelled[hit] if hit else None
        if read is not None:
            fixes.append(Fix(m.start(), m.end(), text[m.start() : m.end()], read))
    return fixes


def apply(text: str, fixes: list[Fix]) -> str:
    for f in reversed(fixes):
        text = text[: f.start] + f.read + text[f.end :]
    return text


def _one_edit(word: str, target: str) -> bool:
    """One typo: a swap, a letter too many or too few, or (in words of 4+ letters) a wrong one.
    "nwo" is "now"; "new" is not."""
    if word == target or abs(len(word) - len(target)) > 1 or len(target) < 3:
        return False
    if word[0] != target[0] and word[:2] != target[1::-1]:
        return False
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            return word[diffs[0]] == target[diffs[1]] and word[diffs[1]] == target[diffs[0]]
        return len(diffs) == 1 and len(target) >= 4
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@lru_cache(maxsize=1024)
def command_typo(words: tuple[str, ...], cmds: Commands, known: int) -> tuple[str, ...] | None:
    """The command phrase one typo away from the first `words`; with `known` > 0 the first
    `known` words were read exactly ("meet") and only a longer phrase counts ("meet now")."""
    if not words:
        return None
    first = words[0]  # a typo keeps its first letter or swaps the first two: see _one_edit
    for _, phrase in heapq.merge(*(cmds.by_initial.get(c, ()) for c in {first[0], first[1:2]})):
        n = len(phrase)
        if n <= known or n > len(words) or words[:known] != phrase[:known]:
            continue
        typo = _one_differs(words[known:n], phrase[known:])
        if typo is not None and _one_edit(*typo):
            return phrase
    return None


def _one_differs(words: tuple[str, ...], phrase: tuple[str, ...]) -> tuple[str, str] | None:
    """The one word that differs from the phrase's, with the phrase's; None unless exactly one
    does. A plain loop: this runs for every phrase of every language on an unknown message."""
    found = None
    for word, target in zip(words, phrase, strict=True):
        if word != target:
            if found is not None:
                return None
            found = (word, target)
    return found


def first_words(folded: str, start: int, count: int = 4) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in _TOKEN.finditer(folded, start):
        out.append(m)
        if len(out) == count:
            break
    return out
