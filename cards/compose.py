"""The compose box's "Teams meeting" form (a message extension's dialog): subject, now or a
date and time, duration. It comes back with the input kept and an error under each field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cards.base import Card, card, heading, text
from cards.form import columns, duration_input

Element = dict[str, Any]
NOW, LATER = "now", "later"
DEFAULT_SUBJECT = "Teams meeting"


def compose_form(
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    nonce: str,
) -> Card:
    """`nonce` names this form: submitting it twice makes one meeting, never two."""
    values = values or {}
    errors = errors or {}

    def field(element: Element) -> list[Element]:
        message = errors.get(str(element["id"]))
        below = [text(message, color="Attention", size="Small", spacing="None")] if message else []
        return [element, *below]

    body: list[Element] = [heading("New Teams meeting")]
    if errors.get("form"):
        body.append(text(errors["form"], color="Attention"))
    body += [
        *field(_subject(values)),
        *field(_when(values)),
        columns(field(_date(values)), field(_time(values))),
        *field(duration_input(values)),
    ]
    create = {"type": "Action.Submit", "title": "Create meeting", "data": {"nonce": nonce}}
    return card(body, [{**create, "style": "positive"}])


def _subject(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.Text",
        "id": "subject",
        "label": "Subject",
        "maxLength": 255,
        "placeholder": DEFAULT_SUBJECT,
        "value": values.get("subject", ""),
    }


def _when(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.ChoiceSet",
        "id": "when",
        "label": "When",
        "style": "expanded",
        "value": values.get("when", NOW),
        "choices": [
            {"title": "Now", "value": NOW},
            {"title": "At the date and time below", "value": LATER},
        ],
    }


def _date(values: Mapping[str, str]) -> Element:
    return {"type": "Input.Date", "id": "date", "label": "Date", "value": values.get("date", "")}


def _time(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.Time",
        "id": "time",
        "label": "Start time",
        "value": values.get("time", ""),
    }
