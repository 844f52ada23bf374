"""The scheduling form, returned with the user's input and errors when validation fails."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.verbs import Verb

DURATION_CHOICES = (15, 30, 45, 60, 90, 120)
Element = dict[str, Any]


def schedule_form(
    values: Mapping[str, str] | None = None, errors: Mapping[str, str] | None = None
) -> Card:
    """Subject, date, time, duration, attendees (Teams people picker), invitation toggle;
    each field's error right below it."""
    values = values or {}
    errors = errors or {}

    def field(element: Element) -> list[Element]:
        message = errors.get(str(element["id"]))
        below = [text(message, color="Attention", size="Small", spacing="None")] if message else []
        return [element, *below]

    body: list[Element] = [heading("New meeting")]
    if errors.get("form"):
        body.append(text(errors["form"], color="Attention"))
    body += [
        *field(_subject(values)),
        columns(field(_date(values)), field(_time(values))),
        *field(duration_input(values)),
        *field(_attendees(values)),
        *_invite(values),
    ]
    return card(body, [execute("Create meeting", Verb.SUBMIT_FORM, "positive")])


def _subject(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.Text",
        "id": "subject",
        "label": "Subject",
        "isRequired": True,
        "errorMessage": "Give the meeting a subject",
        "maxLength": 255,
        "placeholder": "Budget review",
        "value": values.get("subject", ""),
    }


def _date(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.Date",
        "id": "date",
        "label": "Date",
        "isRequired": True,
        "errorMessage": "Pick a date",
        "value": values.get("date", ""),
    }


def _time(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.Time",
        "id": "time",
        "label": "Start time",
        "isRequired": True,
        "errorMessage": "Pick a start time",
        "value": values.get("time", ""),
    }


def columns(*columns: list[Element]) -> Element:
    return {
        "type": "ColumnSet",
        "columns": [{"type": "Column", "width": "stretch", "items": items} for items in columns],
    }


def duration_input(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.ChoiceSet",
        "id": "duration",
        "label": "Duration",
        "value": values.get("duration", "30"),
        "choices": [{"title": f"{m} minutes", "value": str(m)} for m in DURATION_CHOICES],
    }


def _attendees(values: Mapping[str, str]) -> Element:
    return {
        "type": "Input.ChoiceSet",
        "id": "attendees",
        "label": "Attendees",
        "isMultiSelect": True,
        "placeholder": "Search people",
        "choices": [],
        "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/users"},
        "value": values.get("attendees", ""),
    }


def _invite(values: Mapping[str, str]) -> list[Element]:
    return [
        {
            "type": "Input.Toggle",
            "id": "invite",
            "title": "Send calendar invitations",
            "valueOn": "event",
            "valueOff": "link",
            "value": values.get("invite", "event"),
        },
        text(
            "Off: a Teams link only, not on anyone's calendar.",
            isSubtle=True,
            size="Small",
            spacing="None",
        ),
    ]
