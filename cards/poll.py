"""The group chat's poll card: candidate times, who voted for each, and the viewer's buttons.

Each member sees their own card: Teams asks the bot for it (Universal Actions `refresh`) for
the `userIds` listed — Teams refreshes automatically only in chats of up to 60 people, so a
bigger chat gets a Refresh button and a line saying so. The poll's creator also gets "Book the
winner". Once booked, the card shows the booked meeting to everyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from cards.actions import execute, open_url, web_link
from cards.base import Card, card, heading, text
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
    if booked is not None:
        return _booked(poll_id, booked, tz, locale, refresh_ids)
    zone = zone_label(tz, slots[0].start, locale) if slots else ""
    body: list[dict[str, Any]] = [
        heading(f"When should we meet? {subject}" if subject else "When should we meet?"),
        text(
            f"{length_words(length)} · times in {zone}. Tap every time that works for you.",
            isSubtle=True,
            size="Small",
        ),
    ]
    for index, slot in enumerate(slots):
        body.append(_slot(poll_id, index, slot, index in mine, tz, locale))
    body.append(_progress(waiting, creator))
    note = unreadable_note(unreadable)
    if note:
        body.append(note)
    actions = []
    if is_creator:
        actions.append(execute("Book the winner", Verb.POLL_BOOK, "positive", poll=poll_id))
    if refresh_ids is None:
        body.append(_too_big())
        actions.append(execute("Refresh", Verb.POLL_REFRESH, poll=poll_id))
    return _with_refresh(card(body, actions), poll_id, refresh_ids)


def _slot(
    poll_id: str, index: int, slot: PollSlotView, chosen: bool, tz: ZoneInfo, locale: str
) -> dict[str, Any]:
    voters = list(slot.voters)
    tally = f"✔ {len(voters)} · {escape(', '.join(voters))}" if voters else "No votes yet"
    title = "✔ Works for me (tap to take back)" if chosen else "Works for me"
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


def _progress(waiting: Sequence[str], creator: str) -> dict[str, Any]:
    if not waiting:
        return text("Everyone has voted.", weight="Bolder")
    who = escape(", ".join(waiting))
    booker = escape(creator) if creator else "the poll's creator"
    return text(
        f"Waiting for: {who}. The time with the most votes is booked when everyone has "
        f"voted, or when {booker} books it.",
        isSubtle=True,
        wrap=True,
    )


def _too_big() -> dict[str, Any]:
    return text(
        f"This chat has more than {MAX_AUTO_REFRESH} people, so Teams will not update this "
        "card by itself: press Refresh to see the latest votes.",
        isSubtle=True,
    )


def _booked(
    poll_id: str,
    meeting: MeetingView,
    tz: ZoneInfo,
    locale: str,
    refresh_ids: Sequence[str] | None,
) -> Card:
    body = [
        heading(f"Booked: {meeting.subject}"),
        text(f"**{time_range(meeting.start, meeting.end, tz, locale)}**"),
        text("The invitation is in everyone's calendar.", isSubtle=True),
    ]
    link = web_link(meeting.join_url)
    actions = [open_url("Join", link, "positive")] if link else []
    return _with_refresh(card(body, actions), poll_id, refresh_ids)


def _with_refresh(doc: Card, poll_id: str, refresh_ids: Sequence[str] | None) -> Card:
    if refresh_ids:
        doc["refresh"] = {
            "action": execute("Refresh", Verb.POLL_REFRESH, poll=poll_id),
            "userIds": list(refresh_ids),
        }
    return doc
