"""Cards that explain: errors with what to do, and offers when a first choice is not possible."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cards.actions import execute
from cards.base import Card, card, heading, text
from cards.i18n import translator
from cards.markdown import escape
from cards.verbs import Verb


def error_card(what: str, todo: str = "", example: str | None = None, *, locale: str) -> Card:
    """What happened (it may quote the user or Graph: shown as text) and what to do (the
    bot's own words, Markdown allowed), both already in the viewer's language. Never a stack
    trace."""
    _ = translator(locale).gettext
    body = [heading(_("Something needs your attention")), text(escape(what), color="Attention")]
    if todo:
        body.append(text(todo))
    if example:
        body.append(
            text(_("Example: **{example}**").format(example=escape(example)), isSubtle=True)
        )
    return card(body)


def notice_card(title: str, message: str) -> Card:
    """A title and a line, both already in the viewer's language."""
    return card([heading(title), text(message)])


def teams_not_allowed_card(subject: str, start: datetime, end: datetime, *, locale: str) -> Card:
    """The calendar refuses Teams links: say so, and offer a standalone meeting instead."""
    _ = translator(locale).gettext
    data: dict[str, Any] = {"subject": subject, "start": start.isoformat(), "end": end.isoformat()}
    return card(
        [
            heading(_("Your calendar does not allow Teams meetings")),
            text(
                _(
                    "Your mailbox is not set up for Teams meetings in Outlook "
                    "(teamsForBusiness is not an allowed online meeting provider), so I did not "
                    "create an event without a link."
                )
            ),
            text(
                _(
                    "I can create a standalone Teams meeting at the same time instead: you get a "
                    "join link to share, but no calendar invitation is sent."
                )
            ),
        ],
        [execute(_("Create a Teams link instead"), Verb.CREATE_STANDALONE, "positive", **data)],
    )
