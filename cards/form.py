"""The scheduling form, returned with the user's input and errors when validation fails."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.verbs import Verb

DURATION_CHOICES = (15, 30, 45, 60, 90, 120)


def schedule_form(
    values: Mapping[str, str] | None = None, errors: Mapping[str, str] | None = None
) -> Card:
    """Subject, date, time, duration, attendees (Teams people picker), invitation toggle."""
    values = values or {}
    errors = errors or {}

    def error(field: str) -> list[dict[str, Any]]:
        message = errors.get(field)
        return [text(message, color="Attention", size="Small", spacing="None")] if message else []

    body: list[dict[str, Any]] = [heading("New meeting")]
    if errors.get("form"):
        body.append(text(errors["form"], color="Attention"))
    body += [
        {
            "type": "Input.Text",
            "id": "subject",
            "label": "Subject",
            "isRequired": True,
            "errorMessage": "Give the meeting a subject",
            "maxLength": 255,
            "placeholder": "Budget review",
            "value": values.get("subject", ""),
        },
        *error("subject"),
        {
            "type": "ColumnSet",
            "columns": [
                {
                    "type": "Column",
                    "width": "stretch",
                    "items": [
                        {
                            "type": "Input.Date",
                            "id": "date",
                            "label": "Date",
                            "isRequired": True,
                            "errorMessage": "Pick a date",
                            "value": values.get("date", ""),
                        },
                        *error("date"),
                    ],
                },
                {
                    "type": "Column",
                    "width": "stretch",
                    "items": [
                        {
                            "type": "Input.Time",
                            "id": "time",
                            "label": "Start time",
                            "isRequired": True,
                            "errorMessage": "Pick a start time",
                            "value": values.get("time", ""),
                        },
                        *error("time"),
                    ],
                },
            ],
        },
        {
            "type": "Input.ChoiceSet",
            "id": "duration",
            "label": "Duration",
            "value": values.get("duration", "30"),
            "choices": [{"title": f"{m} minutes", "value": str(m)} for m in DURATION_CHOICES],
        },
        *error("duration"),
        {
            "type": "Input.ChoiceSet",
            "id": "attendees",
            "label": "Attendees",
            "isMultiSelect": True,
            "placeholder": "Search people",
            "choices": [],
            "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/users"},
            "value": values.get("attendees", ""),
        },
        *error("attendees"),
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
    return card(body, [execute("Create meeting", Verb.SUBMIT_FORM, "positive")])
