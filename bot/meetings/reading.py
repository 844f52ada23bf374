"""Reading the requester's meetings: a range of their calendar with the bot's standalone
meetings, the bot's meetings by name, and the one ownership check a card's ids go through."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.graph.zones import graph_zone
from bot.meetings.graph_docs import graph_datetime, meeting_from_event
from bot.meetings.model import EVENT, ONLINE, Meeting, Requester
from bot.meetings.organizer import Organizer
from bot.meetings.store import to_meeting


class NotBotMeeting(Exception):
    """The meeting is not one this bot created for this user: nothing is changed."""


class Reading:
    """Finds the requester's meetings; changes nothing."""

    def __init__(self, organizer: Organizer) -> None:
        self._organizer = organizer

    async def list_meetings(
        self, requester: Requester, start: datetime, end: datetime, tz: ZoneInfo
    ) -> list[Meeting]:
        """Calendar events in range plus the bot's standalone meetings, soonest first."""
        tz = graph_zone(tz)
        organizer = self._organizer
        docs = await organizer.graph.calendar_view(
            organizer.user_path(requester), graph_datetime(start), graph_datetime(end), tz.key
        )
        records = await organizer.storage.upcoming(requester.tenant_id, requester.user_id, start)
        standalone = [to_meeting(r) for r in records if r.kind == ONLINE and r.start < end]
        copies = {m.calendar_copy_id for m in standalone if m.calendar_copy_id}
        added = {r.graph_id: r.join_url for r in records if r.kind == EVENT and r.join_url}
        meetings = [
            replace(m, join_url=m.join_url or added.get(m.id))  # a standalone link it was given
            for m in map(meeting_from_event, docs)
            if not m.cancelled and m.id not in copies  # a calendar copy: shown once, as its meeting
        ]
        return sorted([*meetings, *standalone], key=lambda m: m.start)

    async def find_by_name(
        self, requester: Requester, name: str, now: datetime, *, cancelled: bool = False
    ) -> list[Meeting]:
        """Upcoming meetings this bot created for the requester whose subject matches (with
        `cancelled`, those already cancelled)."""
        wanted = name.casefold().strip()
        records = await self._organizer.storage.upcoming(
            requester.tenant_id, requester.user_id, now, cancelled=cancelled
        )
        exact = [r for r in records if r.subject.casefold() == wanted]
        found = exact or [r for r in records if wanted in r.subject.casefold()]
        return [to_meeting(r) for r in found]

    async def lookup(self, requester: Requester, kind: str, graph_id: str) -> Meeting | None:
        """The requester's own bot-created meeting with this id, or None."""
        storage = self._organizer.storage
        record = await storage.find(requester.tenant_id, requester.user_id, kind, graph_id)
        return to_meeting(record) if record else None

    async def owned(self, requester: Requester, kind: str, graph_id: str) -> Meeting:
        """The one ownership check: a meeting a card names must be the requester's own."""
        meeting = await self.lookup(requester, kind, graph_id)
        if meeting is None:
            raise NotBotMeeting(graph_id)
        return meeting
