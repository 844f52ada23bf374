"""The `my meetings` card: one entry per meeting with Join, and Cancel or Add Teams link.

A button on a row answers with this whole card again (a Universal Action replaces the card it
was pressed on), so every button carries the list's `context` and the pressed row changes in
place: it asks "Cancel this meeting?", says "Cancelled", or has its new Teams link. A long list
comes a page at a time, with "More".
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import execute, meeting_ref, open_url, web_link
from cards.base import Card, card, heading, text
from cards.i18n import Words, translator
from cards.markdown import escape
from cards.meeting import cancel_choices, cancel_question
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import EVENT, MeetingView

PAGE_SIZE = 10
Element = dict[str, Any]


@dataclass(frozen=True)
class ListPage:
    """Where the rows shown sit in the whole list, and what the list's buttons carry."""

    context: Mapping[str, Any] = field(default_factory=dict)  # which list: in every button
    offset: int = 0  # rows of the whole list before this page
    total: int = 0  # rows in the whole list (0: just these)
    more: Mapping[str, Any] | None = None  # the next page's button data, when there is one
    first: Mapping[str, Any] | None = None  # the first page's button data, on a later page
    confirm_id: str = ""  # the row that asks "Cancel this meeting?"
    notices: Mapping[str, str] = field(default_factory=dict)  # good news per row, by id


def _buttons(
    meeting: MeetingView, cancellable: bool, page: ListPage, join_url: str | None, _: Words
) -> list[Element]:
    ref = {**meeting_ref(meeting), **page.context}
    if meeting.cancelled:
        return []
    if meeting.id == page.confirm_id:
        return cancel_choices(meeting, ref, _)
    actions: list[Element] = []
    if join_url:
        actions.append(open_url(_("Join"), join_url, "positive"))
    elif meeting.kind == EVENT and meeting.is_organizer and not meeting.occurrence:
        # never on an event the user only attends, nor on one occurrence of a series
        actions.append(execute(_("Add Teams link"), Verb.MAKE_ONLINE, **ref))
    if cancellable:
        actions.append(execute(_("Cancel"), Verb.ASK_CANCEL, **ref))
    return actions


def _entry(
    meeting: MeetingView, tz: ZoneInfo, locale: str, cancellable: bool, page: ListPage, _: Words
) -> Element:
    join_url = web_link(meeting.join_url)
    marker = "🎥 Teams" if join_url else _("No Teams link")
    subject = escape(meeting.subject) if meeting.subject else _("(no subject)")
    items: list[Element] = [
        text(f"**{subject}**"),
        text(
            f"{time_range(meeting.start, meeting.end, tz, locale)} · {marker}",
            isSubtle=True,
            spacing="None",
        ),
    ]
    if meeting.cancelled:
        items.append(text(_("Cancelled"), color="Attention", weight="Bolder", spacing="Small"))
    elif meeting.id == page.confirm_id:
        items.append(text(cancel_question(meeting, _), color="Attention", weight="Bolder"))
    if meeting.id in page.notices:
        items.append(text(page.notices[meeting.id], color="Good", weight="Bolder"))
    actions = _buttons(meeting, cancellable, page, join_url, _)
    if actions:
        items.append({"type": "ActionSet", "actions": actions})
    return {"type": "Container", "separator": True, "items": items}


def list_card(
    meetings: Sequence[MeetingView],
    tz: ZoneInfo,
    locale: str,
    title: str,
    cancellable_ids: frozenset[str] = frozenset(),
    page: ListPage | None = None,
    *,
    caution: str | None = None,
) -> Card:
    """The rows given (one page, soonest first); meetings the bot created for the viewer get
    a Cancel button; "More" when `page` says there are more. `title` and `caution` (how an
    unsure request was read) are already in the viewer's language; the caution may quote the
    user, so it is shown as text."""
    page = page or ListPage()
    t = translator(locale)
    _ = t.gettext
    body: list[Element] = [heading(title)]
    if caution:
        body.append(text(escape(caution), color="Warning", size="Small"))
    if not meetings:
        body.append(text(_("Nothing on your calendar in that range.")))
        return card(body)
    shown = meetings[:PAGE_SIZE]
    body.append(
        text(
            _where(shown, page, len(meetings), tz, locale, t),
            isSubtle=True,
            size="Small",
            spacing="None",
        )
    )
    for meeting in shown:
        body.append(_entry(meeting, tz, locale, meeting.id in cancellable_ids, page, _))
    actions = []
    if page.more is not None:
        actions.append(execute(_("More"), Verb.LIST_PAGE, **page.more))
    if page.first is not None:
        actions.append(execute(_("Back to the first"), Verb.LIST_PAGE, **page.first))
    return card(body, actions)


def _where(
    shown: Sequence[MeetingView],
    page: ListPage,
    given: int,
    tz: ZoneInfo,
    locale: str,
    t: gettext.NullTranslations,
) -> str:
    """The zone the times are in and, on a longer list, which rows these are."""
    _ = t.gettext
    where = _("Times in {zone}").format(zone=zone_label(tz, shown[0].start, locale))
    total = max(page.total, page.offset + given)
    if total <= len(shown):
        return where
    # TRANSLATORS: which meetings of a longer list a card shows, e.g. "11–20 of 23"
    rows = _("{first}–{last} of {total}").format(
        first=page.offset + 1, last=page.offset + len(shown), total=total
    )
    return f"{where} · {rows}"
