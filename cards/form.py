"""The scheduling form, returned with the user's input and errors when validation fails."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.i18n import Words, translator
from cards.verbs import Verb

DURATION_CHOICES = (15, 30, 45, 60, 90, 120)
Element = dict[str, Any]


def with_error(element: Element, errors: Mapping[str, str]) -> list[Element]:
    """A form field and, right below it, its error (already in the viewer's language)."""
    message = errors.get(str(element["id"]))
    below = [text(message, color="Attention", size="Small", spacing="None")] if message else []
    return [element, *below]


def schedule_form(
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    locale: str,
) -> Card:
    """Subject, date, time, duration, attendees (Teams people picker), invitation toggle;
    each field's error (already in the viewer's language) right below it."""
    values = values or {}
    errors = errors or {}
    t = translator(locale)
    _ = t.gettext

    def field(element: Element) -> list[Element]:
        return with_error(element, errors)

    body: list[Element] = [heading(_("New meeting"))]
    if errors.get("form"):
        body.append(text(errors["form"], color="Attention"))
    body += [
        *field(_subject(values, _)),
        _columns(field(_date(values, _)), field(_time(values, _))),
        *field(duration_choice(values.get("duration", "30"), _("Duration"), t.ngettext)),
        *field(_attendees(values, _)),
        *_invite(values, _),
    ]
    return card(body, [execute(_("Create meeting"), Verb.SUBMIT_FORM, "positive")])


def _subject(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.Text",
        "id": "subject",
        "label": _("Subject"),
        "isRequired": True,
        "errorMessage": _("Give the meeting a subject"),
        "maxLength": 255,
        "placeholder": _("Budget review"),
        "value": values.get("subject", ""),
    }


def _date(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.Date",
        "id": "date",
        "label": _("Date"),
        "isRequired": True,
        "errorMessage": _("Pick a date"),
        "value": values.get("date", ""),
    }


def _time(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.Time",
        "id": "time",
        "label": _("Start time"),
        "isRequired": True,
        "errorMessage": _("Pick a start time"),
        "value": values.get("time", ""),
    }


def _columns(*columns: list[Element]) -> Element:
    return {
        "type": "ColumnSet",
        "columns": [{"type": "Column", "width": "stretch", "items": items} for items in columns],
    }


def duration_choice(
    value: str, label: str, ngettext: Callable[[str, str, int], str], element_id: str = "duration"
) -> Element:
    """The usual durations, plus `value` (minutes) when it is another one ("for 50m")."""
    choices = set(DURATION_CHOICES)
    if value.isdigit() and 0 < int(value) <= 24 * 60:
        choices.add(int(value))
    return {
        "type": "Input.ChoiceSet",
        "id": element_id,
        "label": label,
        "value": value,
        "choices": [
            {"title": ngettext("{n} minute", "{n} minutes", m).format(n=m), "value": str(m)}
            for m in sorted(choices)
        ],
    }


def _attendees(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.ChoiceSet",
        "id": "attendees",
        "label": _("Attendees"),
        "isMultiSelect": True,
        "placeholder": _("Search people"),
        "choices": [],
        "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/users"},
        "value": values.get("attendees", ""),
    }


def _invite(values: Mapping[str, str], _: Words) -> list[Element]:
    return [
        {
            "type": "Input.Toggle",
            "id": "invite",
            "title": _("Send calendar invitations"),
            "valueOn": "event",
            "valueOff": "link",
            "value": values.get("invite", "event"),
        },
        text(
            _("Off: a Teams link only, not on anyone's calendar."),
            isSubtle=True,
            size="Small",
            spacing="None",
        ),
    ]
