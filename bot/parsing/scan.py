"""Read the words after the command: attendees, a quoted subject, dates, times and durations.

Each phrase found is masked out of a folded copy of the text, so later steps cannot read it twice
and what is left over is the subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from bot.parsing.atoms import Found
from bot.parsing.grammar import Grammar
from bot.parsing.steps import STEPS, Ctx, bare_after
from bot.parsing.text import fold, key

PEOPLE, TIME, OTHER = "\x01", "\x02", "\x03"
_MENTION = re.compile(r"<at>(.*?)</at>", re.I | re.S)
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”]")
_EMAIL = re.compile(r"(?:mailto:)?(?<![\w.+-])([a-z0-9][\w.%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+)")
_PIECE = re.compile(r"[^\x01\x02\x03]+")
_WORD = re.compile(r"[^\W\d_]{5,}")


class MentionLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Problem:
    key: str  # a message key of bot.language
    text: str = ""
    other: str = ""


@dataclass
class Scan:
    finds: list[Found] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    everyone: bool = False
    quoted: str | None = None
    subject: str | None = None
    problem: Problem | None = None


class _Mask:
    def __init__(self, folded: str) -> None:
        self.text = folded

    def hide(self, start: int, end: int, sentinel: str) -> None:
        self.text = self.text[:start] + sentinel * (end - start) + self.text[end:]


def _mention(inner_markup: str, inner: str, mentions: Sequence[MentionLike]) -> MentionLike | None:
    for mention in mentions:
        if mention.text == inner_markup:
            return mention
    wanted = inner.strip().casefold()
    return next((x for x in mentions if x.name.strip().casefold() == wanted), None)


def _email_name(address: str) -> str:
    local = address.split("@", 1)[0].split("+", 1)[0]
    return " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part)


def _people(
    text: str, mask: _Mask, gr: Grammar, mentions: Sequence[MentionLike], out: Scan
) -> None:
    found: list[tuple[int, str, str]] = []
    for m in _MENTION.finditer(text):
        who = _mention(m[0], m[1], mentions)
        if who is None:
            if key(m[1].lstrip("@")) in {key(w.lstrip("@")) for w in gr.lang.everyone}:
                out.everyone = True
            elif out.problem is None:
                out.problem = Problem("unknown_mention", m[1].strip())
        else:
            found.append((m.start(), who.id, who.name))
        mask.hide(m.start(), m.end(), PEOPLE)
    q = _QUOTED.search(mask.text)
    if q:
        out.quoted = " ".join(text[q.start() + 1 : q.end() - 1].split()) or None
        mask.hide(q.start(), q.end(), OTHER)
    for m in _EMAIL.finditer(mask.text):
        found.append((m.start(), m[1], _email_name(m[1])))
        mask.hide(m.start(), m.end(), PEOPLE)
    for m in gr.everyone.finditer(mask.text):
        out.everyone = True
        mask.hide(m.start(), m.end(), PEOPLE)
    for m in gr.attendee_group.finditer(mask.text):
        mask.hide(m.start(), m.end(), PEOPLE)
    for _, ident, name in sorted(found):
        if ident not in out.attendees:
            out.attendees.append(ident)
            out.names.append(name)


def _times(ctx: Ctx, mask: _Mask, out: Scan) -> None:
    for name, rx in ctx.gr.steps:
        for m in rx.finditer(mask.text):
            hit = STEPS[name](m, ctx)
            if hit is not None:
                out.finds.append(hit)
                sentinel = OTHER if name.startswith("duration") else TIME
                mask.hide(m.start(), m.end(), sentinel)
    todo = [f for f in out.finds if f.anchors]
    while todo:
        after = ctx.gr.bare_after.match(mask.text, todo.pop().end)
        hit = bare_after(after, ctx) if after else None
        if after and hit:
            out.finds.append(hit)
            mask.hide(after.start(), after.end(), TIME)
            if hit.anchors:
                todo.append(hit)
    out.finds.sort(key=lambda f: f.start)
    _join_ranges(ctx, mask, out)


def _plain_time(f: Found | None) -> bool:
    return f is not None and f.time is not None and f.until is None and f.date is None


def _range_between(ctx: Ctx, a: Found, b: Found) -> bool:
    """ "noon - 1pm", "noon to 1pm", or "meio-dia às 13h" (where "às" went with the time)."""
    gap = fold(ctx.text[a.end : b.start])
    if ctx.gr.range_gap.fullmatch(gap):
        return True
    return not gap.strip() and ctx.gr.range_to_lead.match(fold(b.text)) is not None


def _join_ranges(ctx: Ctx, mask: _Mask, out: Scan) -> None:
    """Join two times found separately into a range: "noon-1pm", "from noon to 1:30pm"."""
    finds: list[Found] = []
    for f in out.finds:
        a = finds[-1] if finds else None
        if a is None or not (_plain_time(a) and _plain_time(f) and _range_between(ctx, a, f)):
            finds.append(f)
            continue
        lead = ctx.gr.range_lead.search(mask.text, 0, a.start) if a.start else None
        start = lead.start() if lead else a.start
        mask.hide(start, f.start, TIME)
        text = ctx.text[start : f.end]
        period = a.period or f.period
        finds[-1] = Found(start, f.end, text, time=a.time, until=f.time, period=period)
    out.finds = finds


def _close(word: str, target: str) -> bool:
    """A typo of `target`, not another form of it ("tomorow" yes, "Mondays", "segundo" no)."""
    limit = 1 if len(target) <= 6 else 2
    if word[0] != target[0] or abs(len(word) - len(target)) > limit:
        return False
    common = len(target) - 1
    if word[:common] == target[:common] or target[: len(word) - 1] == word[:-1]:
        return False
    before: list[int] = []
    prev = list(range(len(target) + 1))
    for i, a in enumerate(word, 1):
        cur = [i]
        for j, b in enumerate(target, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b))
            if i > 1 and j > 1 and a == target[j - 2] and word[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)  # a swap of two letters is one typo
            cur.append(cost)
        before, prev = prev, cur
    return prev[-1] <= limit


@lru_cache(maxsize=4096)
def _typo(word: str, vocabulary: frozenset[str]) -> bool:
    return word not in vocabulary and any(_close(word, t) for t in vocabulary)


def _widen(start: int, end: int, mask: str) -> tuple[int, int]:
    """Grow a span over neighbouring time phrases, to quote "tomorow 3pm" and not "tomorow"."""
    while True:
        right = len(mask[end:]) - len(mask[end:].lstrip(" ,"))
        if end + right < len(mask) and mask[end + right] == TIME:
            end += right
            while end < len(mask) and mask[end] == TIME:
                end += 1
            continue
        left = len(mask[:start]) - len(mask[:start].rstrip(" ,"))
        if start - left > 0 and mask[start - left - 1] == TIME:
            start -= left
            while start > 0 and mask[start - 1] == TIME:
                start -= 1
            continue
        return start, end


def _leftovers(text: str, mask: _Mask, gr: Grammar, out: Scan) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    for m in _PIECE.finditer(mask.text):
        piece = m[0]
        for w in _WORD.finditer(piece):
            word = w[0]
            if out.problem is None and _typo(word, gr.fuzzy_words):
                s, e = _widen(m.start() + w.start(), m.start() + w.end(), mask.text)
                out.problem = out.problem or Problem("bad_time", text[s:e].strip(" ,"))
        dangling = gr.dangling_duration.search(piece)
        if dangling:
            s, e = m.start() + dangling.start(), m.start() + dangling.end()
            out.problem = out.problem or Problem("bad_duration", text[s:e].strip())
        if any(ch.isalnum() for ch in piece):
            pieces.append(m.span())
    return pieces


def _subject(text: str, pieces: list[tuple[int, int]], gr: Grammar) -> str | None:
    joined = " ".join(" ".join(text[s:e].split()) for s, e in pieces)
    folded = fold(joined)
    lead = gr.subject_lead.match(folded)
    start = lead.end() if lead else 0
    trail = gr.subject_trail.search(folded, start)
    end = trail.start() if trail else len(folded)
    return joined[start:end].strip() or None


def scan(text: str, gr: Grammar, mentions: Sequence[MentionLike], *, month_first: bool) -> Scan:
    """Everything the words after a command say; `problem` is the first thing that was not clear."""
    out = Scan()
    mask = _Mask(fold(text))
    _people(text, mask, gr, mentions, out)
    _times(Ctx(gr, text, month_first), mask, out)
    pieces = _leftovers(text, mask, gr, out)
    out.subject = out.quoted or _subject(text, pieces, gr)
    return out
