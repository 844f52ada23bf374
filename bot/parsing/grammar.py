"""The shared grammar, compiled once per language from its word lists (see bot.language).

Two parts: `commands_for` (the command words, tried for every language, bot/parsing/commands.py)
and `grammar_for` (everything after the command, only for the language that matched). Neither
is compiled whole: each pattern and table is built the first time a message needs it, so the
first "meet now" of a fresh replica compiles a few patterns, not five languages. The
time patterns are in bot/parsing/grammar_times.py, the tables in bot/parsing/word_tables.py.
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from bot.language import Language
from bot.parsing.commands import Commands, commands_for
from bot.parsing.grammar_times import TimeGrammar
from bot.parsing.lazy import Lazy, Needs, needs
from bot.parsing.mask import PEOPLE
from bot.parsing.text import alt
from bot.parsing.word_tables import WordTables

__all__ = ["Commands", "Grammar", "Lazy", "commands_for", "grammar_for"]

_PUNCT = r"[\s,:;\-–—?!]"


class Grammar(TimeGrammar, WordTables):
    """What a language's words after the command mean: people, fillers and the subject here,
    times and tables in the parts this class is made of."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    @cached_property
    def schedule_filler(self) -> Lazy:
        """ "a call", "a meeting" right after a schedule word: dropped."""
        fillers = self.lang.schedule_fillers
        return Lazy(lambda: rf"\s*{alt(fillers)}(?=$|[\s,:;])", needs=needs(fillers))

    @cached_property
    def cancel_filler(self) -> Lazy:
        fillers = self.lang.cancel_fillers
        return Lazy(lambda: rf"\s*(?:{alt(fillers)}\s+)+", needs=needs(fillers))

    @cached_property
    def cancel_last(self) -> Lazy | None:
        """ "sag das Meeting Budget ab": the cancel verb ends the sentence."""
        words = self.lang.commands_last.get("cancel", ())
        if not words:
            return None
        return Lazy(lambda: rf"[\s,]+{alt(words)}\s*$", needs=needs(words))

    @cached_property
    def everyone(self) -> Lazy:
        words = self.lang.everyone
        return Lazy(lambda: rf"(?<![\w@]){alt(words)}(?!\w)", needs=needs(words))

    @cached_property
    def attendee_group(self) -> Lazy:
        """The "with" and "and" around the people found (masked with PEOPLE)."""
        L = self.lang
        return Lazy(
            lambda: (
                rf"(?:{alt(L.with_words)}\s*:?\s*)?\x01+"
                rf"(?:\s*{alt(L.list_joiners)}?\s*\x01+)*"
            ),
            needs=Needs(texts=(PEOPLE,)),
        )

    @cached_property
    def loose_email(self) -> Lazy:
        """ "w/ bob@x": a short address after "with"."""
        with_words = self.lang.with_words
        return Lazy(
            lambda: (
                rf"{alt(with_words)}\s*:?\s*(?P<addr>[a-z0-9][\w.%+-]*@[a-z][\w-]*)"
                r"(?![\w.@-])"
            ),
            needs=Needs(texts=("@",)),
        )

    @cached_property
    def week_range(self) -> re.Pattern[str]:
        L = self.lang
        return re.compile(
            rf"\s*(?:{alt(L.list_preps)}\s+)?(?:(?P<this>{alt(L.this_week)})"
            rf"|(?P<next>{alt(L.next_week)}))\s*$"
        )

    @cached_property
    def with_lead(self) -> re.Pattern[str]:
        L = self.lang
        return re.compile(rf"\s*{alt(w for w in L.with_words if w != L.messages['and'])}\s+")

    @cached_property
    def subject_lead(self) -> re.Pattern[str]:
        lead = alt((*self.lang.subject_lead, *self.lang.list_preps))
        return re.compile(rf"^(?:{_PUNCT}*(?:{lead})(?=[\s:]|$))*{_PUNCT}*")

    @cached_property
    def subject_trail(self) -> re.Pattern[str]:
        trail = alt(self.lang.subject_trail)
        return re.compile(rf"(?:{_PUNCT}*(?<!\w)(?:{trail}))*{_PUNCT}*$")

    @cached_property
    def subject_time_lead(self) -> re.Pattern[str]:
        """ "the 5pm cutoff", "prazo das 17h": a time inside the subject."""
        return re.compile(rf"(?:^|[\s,(])(?:{alt(self.lang.subject_time_leads)})\s*$")


@cache
def grammar_for(L: Language) -> Grammar:
    """One grammar per language; its patterns compile on first use, not at import."""
    return Grammar(L)
