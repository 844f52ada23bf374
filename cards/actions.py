"""Card buttons. Every action carries {"action": "<verb>", ...} so one lookup dispatches it."""

from __future__ import annotations

from typing import Any

from cards.verbs import Verb
from cards.view import MeetingView


def execute(title: str, verb: Verb, style: str | None = None, **data: Any) -> dict[str, Any]:
    """A Universal Action: Teams sends an adaptiveCard/action invoke and shows the returned card."""
    action: dict[str, Any] = {
        "type": "Action.Execute",
        "title": title,
        "verb": verb,
        "data": {"action": verb, **data},
    }
    if style:
        action["style"] = style
    return action


def submit(title: str, verb: Verb, **data: Any) -> dict[str, Any]:
    """A plain Action.Submit (a message with `value`), for example buttons and older clients."""
    return {"type": "Action.Submit", "title": title, "data": {"action": verb, **data}}


def web_link(url: str | None) -> str | None:
    """`url` if it is an https link a button may open, else None (no javascript:, no file:)."""
    return url if url and url.startswith("https://") else None


def open_url(title: str, url: str, style: str | None = None) -> dict[str, Any]:
    action: dict[str, Any] = {"type": "Action.OpenUrl", "title": title, "url": url}
    if style:
        action["style"] = style
    return action


def meeting_ref(meeting: MeetingView) -> dict[str, str]:
    """What a button needs to name a meeting (and, for one meeting of a series, the series).
    The organizer is checked again on the server."""
    ref = {"kind": meeting.kind, "id": meeting.id}
    if meeting.series_id:
        ref["series"] = meeting.series_id
    return ref


def in_language(card: dict[str, Any], locale: str) -> dict[str, Any]:
    """`card` with every button's data naming `locale`, so a press is answered in the card's
    language, not the presser's client's (a Portuguese sentence from an en-US client got a
    Portuguese card). Changes `card` in place and returns it."""
    stack: list[Any] = [card]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            data = node.get("data")
            if str(node.get("type", "")) in _PRESSED and isinstance(data, dict):
                data["locale"] = locale
            stack.extend(node.values())
    return card


_PRESSED = frozenset({"Action.Execute", "Action.Submit"})
