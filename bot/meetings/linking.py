"""Teams links on meetings that lack one: an existing event made online, a standalone link put
into an event Outlook made offline, and a standalone meeting copied into the calendar."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from bot.graph.zones import graph_zone
from bot.meetings.creating import Creating
from bot.meetings.event_links import ENGLISH, TEAMS, EventLinks, JoinWords, join_body
from bot.meetings.graph_docs import date_time_time_zone, meeting_from_event
from bot.meetings.ledger import CALENDAR_COPY, Create
from bot.meetings.model import Meeting, Requester, idempotency_key
from bot.meetings.organizer import Organizer

JSON = dict[str, Any]


class Linking:
    """Gives the requester's meetings the Teams link or the calendar entry they lack."""

    def __init__(self, organizer: Organizer, creating: Creating, links: EventLinks) -> None:
        self._organizer = organizer
        self._creating = creating
        self._links = links

    async def add_standalone_link(
        self, requester: Requester, meeting: Meeting, tz: ZoneInfo, words: JoinWords = ENGLISH
    ) -> Meeting:
        """The way to join an event Outlook made without its Teams link: a standalone Teams
        meeting whose link goes into the event's body and location, said in `words`
        (bot/meetings/event_links.py)."""
        tz = graph_zone(tz)
        organizer = self._organizer
        user = organizer.user_path(requester)
        doc = await organizer.graph.get_event(user, meeting.id, tz.key)
        doc, join_url = await self._links.add_standalone(user, doc, tz, words)
        added = replace(meeting_from_event(doc, requester.user_id), join_url=join_url or None)
        added = await organizer.named(requester, added)
        await organizer.remember(requester, added)
        return added

    async def make_online(self, requester: Requester, event_id: str, tz: ZoneInfo) -> Meeting:
        """Give an existing event a Teams link (it cannot be taken back, so only ever set)."""
        tz = graph_zone(tz)
        organizer, graph = self._organizer, self._organizer.graph
        user = organizer.user_path(requester)
        doc = await graph.get_event(user, event_id, tz.key)
        if not doc.get("isOnlineMeeting"):
            await self._creating.teams_allowed(requester)
            doc = await graph.update_event(
                user, event_id, {"isOnlineMeeting": True, "onlineMeetingProvider": TEAMS}, tz.key
            )
        doc = await self._links.settled(user, doc, tz)
        return await organizer.named(requester, meeting_from_event(doc, requester.user_id))

    async def add_to_calendar(
        self, requester: Requester, meeting: Meeting, tz: ZoneInfo, words: JoinWords = ENGLISH
    ) -> Meeting:
        """The standalone meeting, with a calendar event at the same time whose body carries
        its link, said in `words` (the organizer's language), made once: the meeting remembers
        it, so the card stops offering it, and cancel and reschedule change both.

        The event is not made an online meeting itself: that would mint a second, different link.
        """
        if meeting.calendar_copy_id:
            return meeting
        tz = graph_zone(tz)
        event: JSON = {
            "subject": meeting.subject,
            "start": date_time_time_zone(meeting.start, tz),
            "end": date_time_time_zone(meeting.end, tz),
            "body": {"contentType": "html", "content": join_body(meeting.join_url or "", words)},
            "location": {"displayName": words.title},
            "transactionId": idempotency_key(meeting.kind, meeting.id, "add_to_calendar"),
        }
        key = str(event["transactionId"])
        copy = await self._creating.create(requester, Create(key, CALENDAR_COPY, event, tz.key))
        copied = replace(meeting, calendar_copy_id=copy.id)
        await self._organizer.remember(requester, copied)
        return copied
