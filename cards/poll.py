"""The group chat's poll card: candidate times, who voted for each, and the viewer's buttons.

Each member sees their own card: Teams asks the bot for it (Universal Actions `refresh`) for
the `userIds` listed — Teams refreshes automatically only in chats of up to 60 people, so a
bigger chat gets a Refresh button and a line saying so. The poll's creator also gets "Book the
winner". Once booked, the card shows the booked meeting to everyone.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from cards.actions import execute, open_url, web_link
from cards.base import Card, card, heading, text
from cards.i18n import translator
from cards.markdown import escape
from cards.slots import length_words, unreadable_note
from cards.timefmt import time_range, zone_label
from cards.verbs import Verb
from cards.view import MeetingView

MAX_AUTO_REFRESH = 60


class PollSlotView(Protocol):
    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...
    @property
    def voters(self) -> Sequence[str]: ...  # names


def poll_card(
    poll_id: str,
    subject: str,
    length: timedelta,
    slots: Sequence[PollSlotView],
    tz: ZoneInfo,
    locale: str,
    *,
    mine: frozenset[int] = frozenset(),
    waiting: Sequence[str] = (),
    refresh_ids: Sequence[str] | None = (),
    creator: str = "",
    is_creator: bool = False,
    unreadable: Sequence[str] = (),
    booked: MeetingView | None = None,
) -> Card:
    """`refresh_ids` None: too many members for Teams to refresh the card by itself."""
    t = translator(locale)
    _ = t.gettext
    if booked is not None:
        return _booked(poll_id, booked, tz, locale, refresh_ids)
    zone = zone_label(tz, slots[0].start, locale) if slots else ""
    # TRANSLATORS: the poll card's title; {subject} is the meeting's subject, if any
    title = _("When should we meet? {subject}").format(subject=subject) if subject else ""
    how = _("{length} · times in {zone}. Tap every time that works for you.")
    body: list[dict[str, Any]] = [
        heading(title or _("When should we meet?")),
        text(how.format(length=length_words(length, t), zone=zone), isSubtle=True, size="Small"),
    ]
    for index, slot in enumerate(slots):
        body.append(_slot(poll_id, index, slot, index in mine, tz, locale))
    body.append(_progress(waiting, creator, t))
    note = unreadable_note(unreadable, t)
    if note:
        body.append(note)
    actions = []
    if is_creator:
        actions.append(execute(_("Book the winner"), Verb.POLL_BOOK, "positive", poll=poll_id))
    if refresh_ids is None:
        body.append(_too_big(t))
        actions.append(_refresh(poll_id, t))
    return _with_refresh(card(body, actions), poll_id, refresh_ids, t)


def _slot(
    poll_id: str, index: int, slot: PollSlotView, chosen: bool, tz: ZoneInfo, locale: str
) -> dict[str, Any]:
    _ = translator(locale).gettext
    voters = list(slot.voters)
    tally = f"✔ {len(voters)} · {escape(', '.join(voters))}" if voters else _("No votes yet")
    title = _("✔ Works for me (tap to take back)") if chosen else _("Works for me")
    vote = execute(title, Verb.POLL_VOTE, poll=poll_id, slot=str(index))
    return {
        "type": "Container",
        "separator": True,
        "items": [
            text(f"**{time_range(slot.start, slot.end, tz, locale)}**"),
            text(tally, isSubtle=not voters, spacing="None"),
            {"type": "ActionSet", "actions": [vote]},
        ],
    }


def _progress(waiting: Sequence[str], creator: str, t: gettext.NullTranslations) -> dict[str, Any]:
    _ = t.gettext
    if not waiting:
        return text(_("Everyone has voted."), weight="Bolder")
    booker = escape(creator) if creator else _("the poll's creator")
    words = _(
        "Waiting for: {people}. The time with the most votes is booked when everyone has "
        "voted, or when {booker} books it."
    )
    people = escape(", ".join(waiting))
    return text(words.format(people=people, booker=booker), isSubtle=True, wrap=True)


def _too_big(t: gettext.NullTranslations) -> dict[str, Any]:
    words = t.gettext(
        "This chat has more than {n} people, so Teams will not update this card by itself: "
        "press Refresh to see the latest votes."
    )
    return text(words.format(n=MAX_AUTO_REFRESH), isSubtle=True)


def _refresh(poll_id: str, t: gettext.NullTranslations) -> dict[str, Any]:
    return execute(t.gettext("Refresh"), Verb.POLL_REFRESH, poll=poll_id)


def _booked(
    poll_id: str,
    meeting: MeetingView,
    tz: ZoneInfo,
    locale: str,
    refresh_ids: Sequence[str] | None,
) -> Card:
    t = translator(locale)
    _ = t.gettext
    body = [
        heading(_("Booked: {subject}").format(subject=meeting.subject)),
        text(f"**{time_range(meeting.start, meeting.end, tz, locale)}**"),
        text(_("The invitation is in everyone's calendar."), isSubtle=True),
    ]
    link = web_link(meeting.join_url)
    actions = [open_url(_("Join"), link, "positive")] if link else []
    return _with_refresh(card(body, actions), poll_id, refresh_ids, t)


def _with_refresh(
    doc: Card, poll_id: str, refresh_ids: Sequence[str] | None, t: gettext.NullTranslations
) -> Card:
    if refresh_ids:
        doc["refresh"] = {"action": _refresh(poll_id, t), "userIds": list(refresh_ids)}
    return doc
