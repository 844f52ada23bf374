"""The parser's grammar compiled ahead of the first message.

Each language's patterns are built and compiled on first use (hundreds of milliseconds in all,
most of it in `re`'s compiler); without this, the first person to write to a fresh replica in
each language would wait for it. `warm_up` reads one sentence per language and feature, which
fills the same caches a real message would. The bot runs it once in a thread at start-up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

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


def warm_up() -> None:
    """Parse each sentence once (the answers are thrown away; the compiled grammar stays)."""
    tz = ZoneInfo("UTC")
    now = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for text, locale in SENTENCES:
        parse_command(text, now, tz, locale)
