"""Read the words after the command: attendees, a quoted subject, dates, times and durations.

Each phrase found is masked out of a folded copy of the text, so later steps cannot read it twice
and what is left over is the subject. A misspelt time word ("tomorow") is read as the word it
stands for and recorded, so that the reading is confirmed; a word left over that only looks
like one ("vendredj") is recorded too (bot/parsing/suspect.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.parsing.atoms import Found
from bot.parsing.command import MeetingOptions
from bot.parsing.extras import Repeat, read_options, read_repeat
from bot.parsing.fix import Fix, apply, corrections
from bot.parsing.grammar import Grammar
from bot.parsing.mask import PEOPLE, Mask
from bot.parsing.steps import Ctx
from bot.parsing.suspect import suspects
from bot.parsing.text import fold, key
from bot.parsing.times import read_times

_MENTION = re.compile(r"<at>(.*?)</at>", re.I | re.S)
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«([^»]+)»|„([^“”]+)[“”]")
_EMAIL = re.compile(r"(?:mailto:)?(?<![\w.+-])([a-z0-9][\w.%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+)")
_PIECE = re.compile(r"[^\x01\x02\x03]+")
_OTHER = "\x03"
_NAME_PARTS = re.compile(r"[._-]+")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit (str.isalnum), not a bare "_"


class MentionLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Problem:
    """Why a message cannot be read: a message key and the words it quotes."""

    key: str  # a message key of bot.language
    text: str = ""
    other: str = ""


@dataclass
class Scan:
    """What one pass over a message found: times, people, the subject, any problem."""

    finds: list[Found] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    everyone: bool = False
    quoted: str | None = None
    subject: str | None = None
    problem: Problem | None = None
    fixes: list[Fix] = field(default_factory=list)
    suspects: list[Fix] = field(default_factory=list)  # left in the subject, but look like time
    options: MeetingOptions = field(default_factory=MeetingOptions)
    repeat: Repeat | None = None


def _mention(inner_markup: str, inner: str, mentions: Sequence[MentionLike]) -> MentionLike | None:
    for mention in mentions:
        if mention.text == inner_markup:
            return mention
    wanted = inner.strip().casefold()
    return next((x for x in mentions if x.name.strip().casefold() == wanted), None)


def _email_name(address: str) -> str:
    local = address.split("@", 1)[0].split("+", 1)[0]
    return " ".join(part.capitalize() for part in _NAME_PARTS.split(local) if part)


def _mentions(
    text: str, mask: Mask, gr: Grammar, mentions: Sequence[MentionLike], out: Scan
) -> list[tuple[int, str, str]]:
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
    return found


def _people(text: str, mask: Mask, gr: Grammar, mentions: Sequence[MentionLike], out: Scan) -> None:
    found = _mentions(text, mask, gr, mentions, out)
    q = _QUOTED.search(mask.text)
    if q:
        out.quoted = " ".join(text[q.start() + 1 : q.end() - 1].split()) or None
        mask.hide(q.start(), q.end(), _OTHER)
    addresses = _EMAIL.finditer(mask.text) if "@" in mask.text else ()  # the scan is not cheap
    for m in addresses:
        found.append((m.start(), m[1], _email_name(m[1])))
        mask.hide(m.start(), m.end(), PEOPLE)
    for m in gr.loose_email.finditer(mask.text):  # "w/ bob@x": a short address after "with"
        found.append((m.start("addr"), m["addr"], _email_name(m["addr"])))
        mask.hide(m.start("addr"), m.end("addr"), PEOPLE)
    for _, ident, name in sorted(found):
        if ident not in out.attendees:
            out.attendees.append(ident)
            out.names.append(name)


def _groups(mask: Mask, gr: Grammar, out: Scan) -> None:
    """ "everyone", and the "with" and "and" around the people: after the repetition words,
    so "todos os dias" and "tous les lundis" stay repetitions."""
    for m in gr.everyone.finditer(mask.text):
        out.everyone = True
        mask.hide(m.start(), m.end(), PEOPLE)
    for m in gr.attendee_group.finditer(mask.text):
        mask.hide(m.start(), m.end(), PEOPLE)


def _leftovers(text: str, mask: Mask, gr: Grammar, out: Scan) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    # a piece holds what the pattern needs only if the text does: one test, not one a piece
    dangling_rx = gr.dangling_duration.rx if gr.dangling_duration.wanted(mask.text) else None
    for m in _PIECE.finditer(mask.text):
        piece = m[0]
        dangling = dangling_rx.search(piece) if dangling_rx else None
        if dangling:
            s, e = m.start() + dangling.start(), m.start() + dangling.end()
            out.problem = out.problem or Problem("bad_duration", text[s:e].strip())
        if _ALNUM.search(piece):
            pieces.append(m.span())
    return pieces


def _subject(text: str, pieces: list[tuple[int, int]], gr: Grammar) -> str | None:
    joined = " ".join(" ".join(text[s:e].split()) for s, e in pieces)
    if not joined:  # what the lead and trail patterns would leave of it
        return None
    folded = fold(joined)
    lead = gr.subject_lead.match(folded)
    start = lead.end() if lead else 0
    trail = gr.subject_trail.search(folded, start)
    end = trail.start() if trail else len(folded)
    return joined[start:end].strip() or None


def scan(
    text: str,
    gr: Grammar,
    mentions: Sequence[MentionLike],
    *,
    month_first: bool,
    fix: bool = True,
    extras: bool = False,
) -> Scan:
    """Everything the words after a command say; `problem` is the first thing that was not clear.
    With `extras`, meeting options and a repetition are read too (bot/parsing/extras.py)."""
    out = Scan()
    mask = Mask(fold(text))
    _people(text, mask, gr, mentions, out)
    ctx = Ctx(gr, text, month_first)
    if extras:
        out.options = read_options(ctx, mask)
        out.repeat = read_repeat(ctx, mask)
    _groups(mask, gr, out)
    fixes = corrections(text, mask.text, gr) if fix else []
    if fixes:
        fixed = scan(
            apply(text, fixes), gr, mentions, month_first=month_first, fix=False, extras=extras
        )
        fixed.fixes = fixes
        return fixed
    out.finds = read_times(ctx, mask)
    pieces = _leftovers(text, mask, gr, out)
    out.subject = out.quoted or _subject(text, pieces, gr)
    out.suspects = suspects(text, pieces, out.finds, gr)
    return out
