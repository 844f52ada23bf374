"""The compose box's "Teams meeting" form (a message extension's dialog): subject, now or a
date and time, duration. It comes back with the input kept and an error under each field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cards.base import Card, card, heading, text
from cards.form import duration_choice, with_error
from cards.i18n import Words, translator

Element = dict[str, Any]
NOW, LATER = "now", "later"


def compose_form(
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    nonce: str,
    locale: str,
) -> Card:
    """`nonce` names this form: submitting it twice makes one meeting, never two. The errors
    are already in the viewer's language."""
    values = values or {}
    errors = errors or {}
    t = translator(locale)
    _ = t.gettext

    def field(element: Element) -> list[Element]:
        return with_error(element, errors)

    body: list[Element] = [heading(_("New Teams meeting"))]
    if errors.get("form"):
        body.append(text(errors["form"], color="Attention"))
    date_and_time = [field(_date(values, _)), field(_time(values, _))]
    body += [
        *field(_subject(values, _)),
        *field(_when(values, _)),
        {
            "type": "ColumnSet",
            "columns": [{"type": "Column", "width": "stretch", "items": i} for i in date_and_time],
        },
        *field(duration_choice(values.get("duration", "30"), _("Duration"), t.ngettext)),
    ]
    create = {"type": "Action.Submit", "title": _("Create meeting"), "data": {"nonce": nonce}}
    return card(body, [{**create, "style": "positive"}])


def _subject(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.Text",
        "id": "subject",
        "label": _("Subject"),
        "maxLength": 255,
        "placeholder": _("Teams meeting"),
        "value": values.get("subject", ""),
    }


def _when(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.ChoiceSet",
        "id": "when",
        "label": _("When"),
        "style": "expanded",
        "value": values.get("when", NOW),
        "choices": [
            {"title": _("Now"), "value": NOW},
            {"title": _("At the date and time below"), "value": LATER},
        ],
    }


def _date(values: Mapping[str, str], _: Words) -> Element:
    return {"type": "Input.Date", "id": "date", "label": _("Date"), "value": values.get("date", "")}


def _time(values: Mapping[str, str], _: Words) -> Element:
    return {
        "type": "Input.Time",
        "id": "time",
        "label": _("Start time"),
        "value": values.get("time", ""),
    }
