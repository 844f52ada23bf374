"""The card envelope and the small element helpers every card shares."""

from __future__ import annotations

from typing import Any

from cards.markdown import escape

Card = dict[str, Any]
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> Card:
    doc: Card = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if actions:
        doc["actions"] = actions
    return doc


def text(value: str, **props: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "wrap": True, **props}


def heading(value: str) -> dict[str, Any]:
    """A title; it may quote a subject, so it is shown as text, never as markup."""
    return text(escape(value), size="Large", weight="Bolder", style="heading")


def attachment(content: Card) -> dict[str, Any]:
    """The message attachment that carries an Adaptive Card."""
    return {"contentType": "application/vnd.microsoft.card.adaptive", "content": content}
