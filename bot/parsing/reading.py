"""Which language and command a message starts (or, in German, ends) with.

A message is tried against every language's command words, on purpose: people write in any
language, whatever their Teams locale. The longest command any language reads wins, the
locale's language first among equals. Every language's command words and polite openings are
indexed together by how they start (`_Leads`): one look at the message's first word says which
languages' patterns may match, and only those are compiled and run (the first message of a
replica used to compile all five). The reading is the one trying every language's patterns in
turn gives (tests/unit/parsing/test_command_words.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple

from bot.language import ALL, Language
from bot.parsing.commands import Commands, Starts, commands_for, starts
from bot.parsing.doubts import Doubt
from bot.parsing.fix import command_typo, first_words
from bot.parsing.locales import languages
from bot.parsing.text import Openings, fold, key


class Read(NamedTuple):
    """Which command a message starts (or, in German, ends) with, and the words around it."""

    lang: Language
    kind: str
    word: str
    rest: str
    doubts: tuple[Doubt, ...] = ()


class _Leads:
    """Every language's Openings (bot/parsing/text.py) in one index: the languages whose
    pattern may match where a message's first word starts."""

    def __init__(self, openings: Mapping[Language, Openings]) -> None:
        words: dict[str, set[Language]] = {}
        prefixes: dict[str, dict[str, set[Language]]] = {}
        for lang, found in openings.items():
            for word in found.words:
                words.setdefault(word, set()).add(lang)
            for prefix in found.prefixes:
                prefixes.setdefault(prefix[:1], {}).setdefault(prefix, set()).add(lang)
        self._words = {word: frozenset(langs) for word, langs in words.items()}
        self._prefixes = {
            first: tuple((prefix, frozenset(langs)) for prefix, langs in by_prefix.items())
            for first, by_prefix in prefixes.items()
        }
        self._always = frozenset(lang for _, langs in self._prefixes.get("", ()) for lang in langs)

    def languages(self, folded: str, at: Starts) -> frozenset[Language]:
        found = self._always
        for i, run in at:
            if run in self._words:
                found |= self._words[run]
            for prefix, langs in self._prefixes.get(folded[i : i + 1], ()):
                if folded.startswith(prefix, i):
                    found |= langs
        return found


@cache
def _command_leads() -> _Leads:
    return _Leads({lang: commands_for(lang).leads for lang in ALL})


@cache
def _verb_leads() -> _Leads:
    return _Leads({lang: commands_for(lang).split_leads for lang in ALL})


def _typo(cmds: Commands, clean: str, folded: str, start: int, known: int) -> Read | None:
    """ "meet nwo" is meet now, "shedule" is schedule: read, and confirmed."""
    words = first_words(folded, start)
    phrase = command_typo(tuple(w[0] for w in words), cmds, known)
    if phrase is None:
        return None
    end = words[len(phrase) - 1].end()
    said = clean[words[0].start() : end]
    written = cmds.written[phrase]
    doubt = Doubt("command", said, written)
    kind = cmds.kinds[key(written)]
    return Read(cmds.lang, kind, key(written), clean[end:], (doubt,))


def _leading(clean: str, folded: str, langs: Sequence[Language], at: Starts) -> Read | None:
    """The command words the message starts with: the longest any language knows, the
    locale's language first among equals ("réunion maintenant" is French meet now, not
    Spanish "reunión" about "maintenant"; "link" under pt-BR is Portuguese)."""
    may = _command_leads().languages(folded, at)
    found: list[tuple[Language, re.Match[str]]] = []
    for lang in langs:
        m = commands_for(lang).lead(folded, at, ruled_in=True) if lang in may else None
        if m is not None:
            found.append((lang, m))
    if not found:
        return None
    lang, m = max(found, key=lambda f: len(f[1]["cmd"]))  # max keeps the first of equals
    cmds = commands_for(lang)
    first = first_words(folded, m.start("cmd"), 1)  # "meet nwo": a longer phrase, one typo off
    typo = bool(first) and first[0][0] in cmds.longer_starts
    longer = _typo(cmds, clean, folded, m.start("cmd"), len(m["cmd"].split())) if typo else None
    word = key(m["cmd"])
    return longer or Read(lang, cmds.kinds[word], word, clean[m.end() :])


def _separable(clean: str, folded: str, langs: Sequence[Language], at: Starts) -> Read | None:
    """German separable verbs: "Plane Sync morgen um 10 ein", "Setz ein Meeting ... an" (the
    particle is not the subject); "lade Anna zum Sync ... ein" is the Sync, with Anna."""
    may = _verb_leads().languages(folded, at)
    for lang in langs:
        if lang not in may:
            continue
        cmds = commands_for(lang)
        m = cmds.separable.match(folded) if cmds.separable else None
        kind = cmds.separable_kinds.get(key(f"{m['cmd']} {m['part']}")) if m else None
        if m is None or kind is None:
            continue
        rest = clean[m.start("rest") : m.end("rest")]
        invite = cmds.invite.fullmatch(fold(rest)) if cmds.invite else None
        if invite and key(m["cmd"]) in {key(v) for v in lang.invite_verbs}:
            who, what = rest[: invite.end("who")], rest[invite.start("what") :]
            rest = f"{what} {lang.with_words[0]} {who}"
        return Read(lang, kind, key(m["cmd"]), " " + rest)
    return None


def read_command(clean: str, folded: str, locale: str) -> Read | None:
    """The command `clean` (its `folded` form) is, and in which language; None if no
    language's command words, even one typo away, start or end it."""
    langs = languages(locale)
    at = starts(folded)
    leading = _separable(clean, folded, langs, at) or _leading(clean, folded, langs, at)
    if leading is not None:
        return leading
    for lang in langs:
        cmds = commands_for(lang)
        m = cmds.last(folded)
        if m is not None:
            word = key(m["cmd"])
            return Read(lang, cmds.last_kinds[word], word, clean[m.start("rest") : m.end("rest")])
    for lang in langs:
        cmds = commands_for(lang)
        pre = cmds.preambles.match(folded)
        typo = _typo(cmds, clean, folded, pre.end() if pre else 0, 0)
        if typo is not None:
            return typo
    return None
