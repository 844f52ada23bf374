"""The parser's grammar compiled ahead of the first message.

Each language's patterns are built and compiled on first use, each when a message needs it
(bot/parsing/lazy.py): a cold first message compiles only its own language's few patterns, a
few to ~20 milliseconds. `warm_up` reads sentences that use what most messages
use, in every language, so that the first person to write to a fresh replica in any language
finds them compiled; rarer phrases (zones, clock words, slashed dates) compile when first
read, a millisecond or two each. The bot runs it once in a thread at start-up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.language import ALL, Language
from bot.parsing.commands import commands_for
from bot.parsing.grammar import grammar_for
from bot.parsing.parse import parse_command

#: One sentence per language that goes through the command words, times, durations, people,
#: repetitions and meeting options (each compiled on first use).
SENTENCES = (
    ("schedule Sync every Monday 3pm for 30m with ann@contoso.com lobby off", "en-US"),
    ("find a time with ann@contoso.com tomorrow for 30m", "en-US"),
    ("agendar Sync toda segunda às 15h por 30 min com ann@contoso.com", "pt-BR"),
    ("agendar Sync cada lunes a las 15h durante 30 min con ann@contoso.com", "es-ES"),
    ("planen Sync jeden Montag um 15 Uhr für 30 Min mit ann@contoso.com", "de-DE"),
    ("planifier Sync chaque lundi à 15h pendant 30 min avec ann@contoso.com", "fr-FR"),
)

#: The phrasing most messages have, in each language: a day word, a time after it, a length.
EVERYDAY = (
    ("schedule Budget review tomorrow at 3pm for 30m with ann@contoso.com", "en-US"),
    ("agendar Revisão amanhã às 15h por 30 min com ann@contoso.com", "pt-BR"),
    ("agendar Revisión mañana a las 15h durante 30 min con ann@contoso.com", "es-ES"),
    ("planen Budget-Review morgen um 15 Uhr für 30 Min mit ann@contoso.com", "de-DE"),
    ("planifier Revue budget demain à 15h pendant 30 min avec ann@contoso.com", "fr-FR"),
)

#: The date, time and duration steps (bot/parsing/patterns.py) that read something in more than
#: one phrasing in a hundred of the tables (tests/unit/parsing): times, "tomorrow", weekdays,
#: "for 30m", ranges, "in 2 hours", "Dec 3". The others compile when first read, 1-2 ms each.
COMMON_STEPS = (
    "time",
    "day_word",
    "weekday",
    "duration",
    "duration_bare",
    "range",
    "relative",
    "month_day",
    "day_month",
)

#: A greeting no language reads as a command: it tries every language's command words one typo
#: away, and German's separable verbs after a greeting.
UNKNOWN = ("hallo zusammen", "de-DE")


def warm_up() -> None:
    """Compile what every language's messages are read with, then parse each sentence once
    (the answers are thrown away; the compiled grammar stays)."""
    for lang in ALL:
        _compile_common(lang)
    tz = ZoneInfo("UTC")
    now = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for text, locale in (*SENTENCES, *EVERYDAY, UNKNOWN):
        parse_command(text, now, tz, locale)


def _compile_common(lang: Language) -> None:
    """The command words whole (every message is tried against them), the steps most messages
    use (COMMON_STEPS), and the patterns read right after a date or a time ("Friday 10", "3pm
    2h"): the sentences cannot use them all, one phrase masking the next."""
    commands_for(lang).command  # noqa: B018 (each compiles on first access)
    grammar = grammar_for(lang)
    steps = [step for name, step in grammar.steps if name in COMMON_STEPS]
    for lazy in (*steps, grammar.bare_after, grammar.duration_after):
        lazy.rx  # noqa: B018
    grammar.at_end  # noqa: B018
