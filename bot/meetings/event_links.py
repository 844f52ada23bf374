"""Teams links on calendar events: waiting for Graph to fill one in, adding one to an event
the bot did not create, and a calendar copy of a standalone meeting (same link).

A part of MeetingService (bot/meetings/service.py), kept apart because it is about links.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from zoneinfo import ZoneInfo

from bot.graph.errors import GraphError
from bot.graph.zones import graph_zone
from bot.meetings.graph_api import JSON, GraphApi
from bot.meetings.graph_docs import (
    date_time_time_zone,
    event_join_url,
    meeting_from_event,
)
from bot.meetings.model import Meeting, Requester, idempotency_key

TEAMS = "teamsForBusiness"


class TeamsLinkNotAllowed(Exception):
    """The user's calendar does not allow Teams meetings (allowedOnlineMeetingProviders)."""

    def __init__(self, allowed: Sequence[str]) -> None:
        super().__init__(f"teamsForBusiness not in {list(allowed)}")
        self.allowed = list(allowed)


JOIN_LINK_SELECT = "isOnlineMeeting,onlineMeetingProvider,onlineMeeting"


class EventLinks:
    """Needs the Graph API, the join-link waits and a sleep; MeetingService provides them."""

    _graph: GraphApi
    _waits: tuple[float, ...]
    _sleep: Callable[[float], Awaitable[None]]

    def user_path(self, requester: Requester) -> str:
        raise NotImplementedError

    async def teams_allowed(self, requester: Requester) -> str:
        """Raise TeamsLinkNotAllowed unless the calendar allows teamsForBusiness; the calendar
        owner's address."""
        calendar = await self._graph.get_calendar(self.user_path(requester))
        allowed = [str(p) for p in calendar.get("allowedOnlineMeetingProviders") or []]
        if TEAMS.lower() not in (p.lower() for p in allowed):
            raise TeamsLinkNotAllowed(allowed)
        return str((calendar.get("owner") or {}).get("address") or "")

    async def own_address(self, requester: Requester) -> str:
        """The requester's mailbox address (their calendar's owner), or "" when unreadable."""
        try:
            calendar = await self._graph.get_calendar(self.user_path(requester))
        except GraphError:
            return ""
        return str((calendar.get("owner") or {}).get("address") or "")

    async def make_online(self, requester: Requester, event_id: str, tz: ZoneInfo) -> Meeting:
        """Give an existing event a Teams link (it cannot be taken back, so only ever set)."""
        tz = graph_zone(tz)
        user = self.user_path(requester)
        doc = await self._graph.get_event(user, event_id, tz.key)
        if not doc.get("isOnlineMeeting"):
            await self.teams_allowed(requester)
            doc = await self._graph.update_event(
                user, event_id, {"isOnlineMeeting": True, "onlineMeetingProvider": TEAMS}, tz.key
            )
        if not event_join_url(doc):
            doc = await self._wait_for_join_link(user, doc, tz)
        return meeting_from_event(doc, requester.user_id)

    async def add_to_calendar(
        self, requester: Requester, meeting: Meeting, tz: ZoneInfo
    ) -> Meeting:
        """A calendar event at the same time whose body carries the standalone meeting's link.

        The event is not made an online meeting itself: that would mint a second, different link.
        """
        tz = graph_zone(tz)
        event: JSON = {
            "subject": meeting.subject,
            "start": date_time_time_zone(meeting.start, tz),
            "end": date_time_time_zone(meeting.end, tz),
            "body": {"contentType": "html", "content": _join_body(meeting.join_url or "")},
            "location": {"displayName": "Microsoft Teams meeting"},
            "transactionId": idempotency_key(meeting.kind, meeting.id, "add_to_calendar"),
        }
        doc = await self._graph.create_event(self.user_path(requester), event, tz.key)
        return meeting_from_event(doc, requester.user_id)

    async def _wait_for_join_link(self, user: str, doc: JSON, tz: ZoneInfo) -> JSON:
        """Graph can answer before onlineMeeting is filled in: re-read with bounded backoff."""
        for wait in self._waits:
            await self._sleep(wait)
            fresh = await self._graph.get_event(user, str(doc["id"]), tz.key, JOIN_LINK_SELECT)
            if event_join_url(fresh):
                return {**doc, **fresh}
        return doc

    # --- listing and cancelling ------------------------------------------------------------


def _join_body(join_url: str) -> str:
    link = html.escape(join_url, quote=True)
    return (
        "<p>Microsoft Teams meeting</p>"
        f'<p><a href="{link}">Join the meeting now</a></p><p>{link}</p>'
    )
