"""Read cards the way a person does: all visible text, and the buttons."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every object in a card, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def unescape(text: str) -> str:
    """What a person reads: Markdown's backslash escapes (cards/markdown.py) removed."""
    return _ESCAPED.sub(r"\1", text)


def card_text(card: dict[str, Any]) -> str:
    """Every TextBlock text and FactSet fact of the card (not of hidden ShowCards' inputs),
    as a person reads it."""
    parts: list[str] = []
    for node in walk(card.get("body", [])):
        if node.get("type") == "TextBlock":
            parts.append(str(node.get("text", "")))
        elif node.get("type") == "FactSet":
            parts.extend(f"{f['title']}: {f['value']}" for f in node.get("facts", []))
    return unescape("\n".join(parts))


def actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action anywhere on the card (top level and inside ActionSets), in order."""
    return [n for n in walk(card) if str(n.get("type", "")).startswith("Action.")]


def buttons(card: dict[str, Any]) -> list[str]:
    return [str(a.get("title", "")) for a in actions(card)]


def join_urls(card: dict[str, Any]) -> list[str]:
    return [
        str(a["url"])
        for a in actions(card)
        if a.get("type") == "Action.OpenUrl" and a.get("title") == "Join"
    ]


def action_data(card: dict[str, Any], verb: str) -> dict[str, Any]:
    """The data of the (first) button with this verb."""
    for action in actions(card):
        data = action.get("data")
        if isinstance(data, dict) and data.get("action") == verb:
            return data
    raise AssertionError(f"no {verb!r} button on the card; buttons: {buttons(card)}")
