"""Lists of meetings on a card: `my meetings` (a time range) and `cancel <name>`'s choices.

A Universal Action replaces the whole card, so a button on a list carries which list it is
(the range or the name, and where its page starts) and the answer is that list again, read
afresh, with the pressed row changed. Pages start at a row, not at a count, so a meeting
cancelled on page one does not shift what page two shows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bot.conversation.turn import TurnInfo
from bot.meetings.model import Meeting, Requester
from bot.meetings.service import MeetingService
from cards import error_card, list_card
from cards.base import Card
from cards.i18n import Words, translator
from cards.listing import PAGE_SIZE, ListPage

LIST_KEY = "list"  # the key of a list's description in its buttons' data
MAX_RANGE = timedelta(days=366)  # button data is the user's to send: a bounded range only


@dataclass(frozen=True)
class ListQuery:
    """Which list a card shows: a range of `my meetings`, or the meetings called `name`."""

    start: datetime | None = None
    end: datetime | None = None
    name: str = ""
    after: str = ""  # the page's first row ("<UTC start>|<id>"); "" is the first page

    def data(self, after: str | None = None) -> dict[str, Any]:
        """What the list's buttons carry (`after` for another page of the same list)."""
        described: dict[str, str] = {"after": self.after if after is None else after}
        if self.name:
            described["name"] = self.name
        if self.start is not None and self.end is not None:
            described["from"] = self.start.astimezone(UTC).isoformat()
            described["to"] = self.end.astimezone(UTC).isoformat()
        return {LIST_KEY: described}

    @staticmethod
    def from_data(data: Mapping[str, Any]) -> ListQuery | None:
        """The list a button came from, or None for a button on a single meeting's card."""
        raw = data.get(LIST_KEY)
        if not isinstance(raw, Mapping):
            return None
        name, after = str(raw.get("name") or "")[:255], str(raw.get("after") or "")
        try:
            start = datetime.fromisoformat(str(raw["from"])) if "from" in raw else None
            end = datetime.fromisoformat(str(raw["to"])) if "to" in raw else None
        except ValueError:
            return None
        if start is None or end is None:
            return ListQuery(name=name, after=after) if name else None
        if start.tzinfo is None or end.tzinfo is None or not start < end <= start + MAX_RANGE:
            return None
        return ListQuery(start, end, name, after)


def row_key(meeting: Meeting) -> str:
    return f"{meeting.start.astimezone(UTC).isoformat()}|{meeting.id}"


@dataclass(frozen=True)
class RowChange:
    """What happened to one row: its new state, a question it asks, its good news."""

    meeting: Meeting | None = None  # the row as it is now (kept even if the list drops it)
    confirm_id: str = ""
    notice: tuple[str, str] | None = None  # (meeting id, words)


class Guard(Protocol):
    """Runs a Graph-backed operation, its failures in words (CommandRunner.guarded)."""

    async def guarded(
        self, turn: TurnInfo, what: str, operation: Callable[[], Awaitable[Card]]
    ) -> Card: ...


class MeetingLists:
    """Reads a list afresh and draws the page of it that the query names."""

    def __init__(self, meetings: MeetingService, clock: Callable[[], datetime]) -> None:
        self._meetings = meetings
        self._clock = clock

    async def page(self, turn: TurnInfo, data: Mapping[str, Any], guard: Guard) -> Card:
        """The page a "More" or "Back to the first" button names."""
        _ = translator(turn.locale).gettext
        query = ListQuery.from_data(data)
        if query is None or turn.requester is None:
            what, todo = _("That list could not be read."), _("Type **my meetings** again.")
            return error_card(what, todo, locale=turn.locale)
        return await self.guarded(turn, query, guard)

    async def guarded(
        self, turn: TurnInfo, query: ListQuery, guard: Guard, change: RowChange | None = None
    ) -> Card:
        """`card`, with Graph's failures in words."""
        return await guard.guarded(turn, "list", lambda: self.card(turn, query, change))

    async def card(
        self,
        turn: TurnInfo,
        query: ListQuery,
        change: RowChange | None = None,
        *,
        caution: str | None = None,
    ) -> Card:
        """The page of the list `query` names, with `change`'s row as it is now; `caution`
        says how an unsure request was read."""
        assert turn.requester is not None
        change = change or RowChange()
        rows, mine = await self._rows(turn, turn.requester, query)
        if change.meeting is not None:
            rows = _with(rows, change.meeting)
        start = _page_start(rows, query.after)
        shown, rest = rows[start : start + PAGE_SIZE], rows[start + PAGE_SIZE :]
        page = ListPage(
            context=query.data(),
            offset=start,
            total=len(rows),
            more=query.data(row_key(rest[0])) if rest else None,
            first=query.data("") if start > 0 else None,
            confirm_id=change.confirm_id,
            notices=dict([change.notice]) if change.notice else {},
        )
        title = _title(query, translator(turn.locale).gettext)
        return list_card(shown, turn.tz, turn.locale, title, mine, page, caution=caution)

    async def _rows(
        self, turn: TurnInfo, requester: Requester, query: ListQuery
    ) -> tuple[list[Meeting], frozenset[str]]:
        """The whole list, soonest first, and which of its meetings the bot made for the user."""
        if query.start is None or query.end is None:
            found = await self._meetings.find_by_name(requester, query.name, self._clock())
            return _sorted(found), frozenset(m.id for m in found)
        listed = await self._meetings.list_meetings(requester, query.start, query.end, turn.tz)
        known = [  # one meeting of a series is the requester's when the series is
            await self._meetings.lookup(requester, m.kind, m.series_id or m.id) for m in listed
        ]
        mine = frozenset(m.id for m, rec in zip(listed, known, strict=True) if rec is not None)
        return _sorted(listed), mine


def _title(query: ListQuery, _: Words) -> str:
    if query.name:
        return _("Which “{subject}”?").format(subject=query.name)
    return _("Your meetings")


def _sorted(meetings: Sequence[Meeting]) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.start.astimezone(UTC), m.id))


def _with(rows: Sequence[Meeting], changed: Meeting) -> list[Meeting]:
    """The list with `changed` in its place: a cancelled meeting stays, saying so."""
    others = [m for m in rows if (m.kind, m.id) != (changed.kind, changed.id)]
    return _sorted([*others, changed])


def _page_start(rows: Sequence[Meeting], after: str) -> int:
    """The index of the page's first row; the first page when that page has gone empty."""
    if not after:
        return 0
    index = next((i for i, m in enumerate(rows) if row_key(m) >= after), len(rows))
    return index if index < len(rows) else 0
