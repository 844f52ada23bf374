"""The error card: what happened and what to do. Never a stack trace."""

from __future__ import annotations

from cards.base import Card, card, heading, text


def error_card(what: str, todo: str = "", example: str | None = None) -> Card:
    body = [heading("Something needs your attention"), text(what, color="Attention")]
    if todo:
        body.append(text(todo))
    if example:
        body.append(text(f"Example: **{example}**", isSubtle=True))
    return card(body)
