"""The help card: what the bot understands, with examples people can press."""

from __future__ import annotations

from typing import Any

from cards.actions import execute, submit
from cards.base import Card, card, heading, text
from cards.markdown import escape
from cards.verbs import Verb

EXAMPLES: tuple[tuple[str, str], ...] = (
    ("meet now Design sync", "Start a Teams meeting right now and get the join link."),
    ("meeting Retro tomorrow 3pm for 45m", "A Teams link for a later time (not on your calendar)."),
    (
        "schedule Budget review tomorrow 3pm with ann@contoso.com",
        "Put a Teams meeting on your calendar and invite people.",
    ),
    (
        "find a time with ann@contoso.com tomorrow",
        "The best times for everyone; in a group chat, a poll to vote on.",
    ),
    ("my meetings today", "List your upcoming meetings."),
    ("cancel Budget review", "Cancel a meeting this bot created."),
    ("help", "Show this card."),
)


def help_card(intro: str | None = None) -> Card:
    body: list[dict[str, Any]] = [heading("Meeting Bot")]
    if intro:  # it may quote what the user typed
        body.append(text(escape(intro)))
    body.append(text("Type a command, or press an example:", isSubtle=True))
    for example, description in EXAMPLES:
        body.append(text(f"**{example}**", spacing="Medium"))
        body.append(text(description, isSubtle=True, spacing="None"))
    actions = [submit(example, Verb.RUN, text=example) for example, _ in EXAMPLES[:3]]
    actions.append(execute("New meeting…", Verb.OPEN_FORM))
    return card(body, actions)
