"""Reading the command words only in the languages whose words can start the message
(bot/parsing/commands.py) picks what trying every language's patterns in turn picks: checked
over every command word, polite opening and separable verb of every language, written the ways
people write them, not over a few examples."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.language import ALL, Language, languages_for
from bot.parsing.commands import Commands, commands_for, starts
from bot.parsing.reading import Read, _command_leads, _typo, _verb_leads, read_command
from bot.parsing.text import fold, key, openings

LOCALES = ("en-US", "pt-BR", "es-ES", "de-DE", "fr-FR")
TAILS = ("", " Sync morgen 15h", ", amanhã às 10h", "? now", "-x", "s", " ein", " ab")


def _phrases(L: Language) -> Iterator[str]:
    yield from (p for words in L.commands.values() for p in words)
    yield from (p for words in L.commands_last.values() for p in words)
    yield from (p for words in L.separable.values() for p in words)
    yield from L.preambles


def _written(phrase: str) -> Iterator[str]:
    """The phrase as people may type it: capitals, blanks, marks, a typo, words after it."""
    for tail in TAILS:
        yield phrase + tail
    yield phrase.upper()
    yield f"  ¿ {phrase} Sync"
    yield f"¡{phrase}"
    yield phrase.replace(" ", "-")
    yield phrase[:-1] + " Sync"  # one letter short: a typo, or another word
    yield phrase[1:]
    yield f"Budget review {phrase}"


def _texts() -> list[str]:
    texts: set[str] = set()
    preambles = [L.preambles[0] for L in ALL]
    for L in ALL:
        for phrase in _phrases(L):
            texts.update(_written(phrase))
            texts.update(f"{pre} {phrase} Sync" for pre in preambles)
    return sorted(texts)


TEXTS = _texts()


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


def test_the_texts_are_every_phrase_of_every_language() -> None:
    assert len(TEXTS) > 9_000


@pytest.mark.parametrize("lang", ALL, ids=lambda L: L.code)
def test_ruling_a_language_out_never_misses_a_match(lang: Language) -> None:
    cmds = commands_for(lang)
    for text in TEXTS:
        folded = fold(" ".join(text.split()))
        at = starts(folded)
        whole = cmds.command.match(folded)
        assert _same(cmds.lead(folded, at), whole), text
        if not any(cmds._preamble_leads.at(folded, i, run) for i, run in at):
            assert _same(cmds.lead_by_start(folded, at), whole), text
        split = cmds.separable.match(folded) if cmds.separable else None
        assert _same(cmds.split_verb(folded, at), split), text
        last = cmds.command_last.match(folded) if cmds.command_last else None
        assert _same(cmds.last(folded), last), text
        if whole is not None:
            assert lang in _command_leads().languages(folded, at), text
        if split is not None:
            assert lang in _verb_leads().languages(folded, at), text
    words, prefixes = cmds._openers
    assert len(cmds._by_start) <= 2 * (len(words) + 1) * (len(prefixes) + 1) ** 2  # bounded


@pytest.mark.parametrize("lang", ALL, ids=lambda L: L.code)
def test_a_cold_language_reads_a_plain_command_without_compiling_its_whole_pattern(
    lang: Language,
) -> None:
    cold = Commands(lang)
    for phrase in _phrases(lang):
        folded = fold(phrase + " Sync")
        if not any(cold._preamble_leads.at(folded, i, run) for i, run in starts(folded)):
            cold.lead(folded, starts(folded))
    assert "command" not in vars(cold)


class _Alone:
    """What one language's patterns read in a message, each tried on its own."""

    def __init__(self, lang: Language, clean: str, folded: str) -> None:
        cmds = commands_for(lang)
        m = cmds.separable.match(folded) if cmds.separable else None
        kind = cmds.separable_kinds.get(key(f"{m['cmd']} {m['part']}")) if m else None
        self.separable = Read(lang, kind, key(m["cmd"]), "") if m and kind else None
        self.leading = cmds.command.match(folded)
        last = cmds.command_last.match(folded) if cmds.command_last else None
        self.last = None
        if last is not None:
            word, rest = key(last["cmd"]), clean[last.start("rest") : last.end("rest")]
            self.last = Read(lang, cmds.last_kinds[word], word, rest)
        pre = cmds.preambles.match(folded)
        self.typo = _typo(cmds, clean, folded, pre.end() if pre else 0, 0)


def _every_language(clean: str, alone: dict[str, _Alone], locale: str) -> Read | None:
    """The reading as it was before the index by first word: every language's patterns, in turn."""
    langs = languages_for(locale)
    read = next((r for lang in langs if (r := alone[lang.code].separable)), None)
    if read is not None:
        return read
    matched = [(lang, m) for lang in langs if (m := alone[lang.code].leading)]
    if matched:
        lang, m = max(matched, key=lambda f: len(f[1]["cmd"]))
        cmds = commands_for(lang)
        longer = _typo(cmds, clean, fold(clean), m.start("cmd"), len(m["cmd"].split()))
        return longer or Read(lang, cmds.kinds[key(m["cmd"])], key(m["cmd"]), clean[m.end() :])
    read = next((r for lang in langs if (r := alone[lang.code].last)), None)
    return read or next((r for lang in langs if (r := alone[lang.code].typo)), None)


def _shown(read: Read | None, rest: bool) -> tuple[object, ...] | None:
    """The language, command and doubts read; and the words after it, when asked."""
    if read is None:
        return None
    return (read.lang.code, read.kind, read.word, read.doubts, read.rest if rest else "")


def test_the_language_and_command_read_are_those_of_trying_every_language() -> None:
    """Under every locale: its language is tried first, and wins ties."""
    for text in TEXTS:
        clean = " ".join(text.split())
        folded = fold(clean)
        alone = {lang.code: _Alone(lang, clean, folded) for lang in ALL}
        for locale in LOCALES:
            expected = _every_language(clean, alone, locale)
            rest = expected is None or expected not in {a.separable for a in alone.values()}
            read = read_command(clean, folded, locale)
            assert _shown(read, rest) == _shown(expected, rest), (text, locale)


def test_a_language_is_ruled_out_only_by_how_its_words_start() -> None:
    found = openings(["meet now", "e-mail", "?", "let's do", "réunion"])
    assert found.words == {"meet", "reunion"}
    assert set(found.prefixes) == {"e", "?", "let's"}
    assert found.at("meeting", 0, "meeting") is False
    assert found.at("e-mail me", 0, "e") is True
    assert found.at("meet, now", 0, "meet") is True
