"""The meeting rules: organizer, idempotency, provider checks, join-link waits, cancellation.

No Bot Framework here: the service takes a Requester and plain values, calls Graph through
the GraphApi protocol, and returns Meetings.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import quote
from zoneinfo import ZoneInfo

from bot.config import GraphAuthMode
from bot.graph.errors import GraphError
from bot.graph.zones import graph_zone
from bot.meetings import calendar_copy
from bot.meetings.graph_docs import (
    date_time_time_zone,
    event_join_url,
    graph_datetime,
    meeting_from_event,
    meeting_from_online,
)
from bot.meetings.model import EVENT, ONLINE, Meeting, Person, Requester
from bot.meetings.store import to_meeting, to_record
from bot.storage import MeetingRows

JSON = dict[str, Any]
log = logging.getLogger(__name__)

TEAMS = "teamsForBusiness"
JOIN_LINK_SELECT = "isOnlineMeeting,onlineMeetingProvider,onlineMeeting"


class GraphApi(Protocol):
    async def create_or_get_online_meeting(self, user: str, body: JSON) -> tuple[JSON, bool]: ...
    async def update_online_meeting(self, user: str, meeting_id: str, patch: JSON) -> JSON: ...
    async def delete_online_meeting(self, user: str, meeting_id: str) -> None: ...
    async def get_calendar(self, user: str) -> JSON: ...
    async def create_event(self, user: str, body: JSON, tz_name: str) -> JSON: ...
    async def get_event(
        self, user: str, event_id: str, tz_name: str, select: str | None = None
    ) -> JSON: ...
    async def update_event(self, user: str, event_id: str, patch: JSON, tz_name: str) -> JSON: ...
    async def cancel_event(self, user: str, event_id: str, comment: str = "") -> None: ...
    async def delete_event(self, user: str, event_id: str) -> None: ...
    async def calendar_view(self, user: str, start: str, end: str, tz_name: str) -> list[JSON]: ...


class TeamsLinkNotAllowed(Exception):
    """The user's calendar does not allow Teams meetings (allowedOnlineMeetingProviders)."""

    def __init__(self, allowed: Sequence[str]) -> None:
        super().__init__(f"teamsForBusiness not in {list(allowed)}")
        self.allowed = list(allowed)


class NotBotMeeting(Exception):
    """The meeting is not one this bot created for this user: nothing is changed."""


class MeetingService:
    """Creates, lists and changes meetings for a requester, idempotently."""

    def __init__(
        self,
        graph: GraphApi,
        storage: MeetingRows,
        auth_mode: GraphAuthMode = GraphAuthMode.APP,
        *,
        join_link_waits: Sequence[float] = (0.5, 1.0, 2.0, 4.0),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._graph = graph
        self._storage = storage
        self._auth_mode = auth_mode
        self._waits = tuple(join_link_waits)
        self._sleep = sleep

    def user_path(self, requester: Requester) -> str:
        """`/me` with a delegated token, else `/users/{aadObjectId}` of the sender."""
        if self._auth_mode is GraphAuthMode.DELEGATED:
            return "me"
        return f"users/{quote(requester.user_id, safe='')}"

    # --- standalone Teams meetings ---------------------------------------------------------

    async def create_online_meeting(
        self, requester: Requester, subject: str, start: datetime, end: datetime, key: str
    ) -> Meeting:
        body = {
            "externalId": key,
            "subject": subject,
            "startDateTime": graph_datetime(start),
            "endDateTime": graph_datetime(end),
        }
        doc, created = await self._graph.create_or_get_online_meeting(
            self.user_path(requester), body
        )
        meeting = meeting_from_online(doc, created)
        if not meeting.organizer_name:  # Graph often leaves the organizer's displayName null
            meeting = replace(meeting, organizer_name=requester.name)
        await self._remember(requester, meeting)
        return meeting

    # --- calendar events -------------------------------------------------------------------

    async def teams_allowed(self, requester: Requester) -> list[str]:
        """Raise TeamsLinkNotAllowed unless the calendar allows teamsForBusiness."""
        calendar = await self._graph.get_calendar(self.user_path(requester))
        allowed = [str(p) for p in calendar.get("allowedOnlineMeetingProviders") or []]
        if TEAMS.lower() not in (p.lower() for p in allowed):
            raise TeamsLinkNotAllowed(allowed)
        return allowed

    async def schedule_event(
        self,
        requester: Requester,
        subject: str,
        start: datetime,
        end: datetime,
        attendees: Sequence[Person],
        tz: ZoneInfo,
        key: str,
        body_html: str = "",
    ) -> Meeting:
        """An event with a Teams link in the requester's calendar; invitations go out."""
        await self.teams_allowed(requester)
        tz = graph_zone(tz)
        event: JSON = {
            "subject": subject,
            "start": date_time_time_zone(start, tz),
            "end": date_time_time_zone(end, tz),
            "attendees": [
                {
                    "emailAddress": {"address": p.email, **({"name": p.name} if p.name else {})},
                    "type": "required",
                }
                for p in attendees
            ],
            "isOnlineMeeting": True,
            "onlineMeetingProvider": TEAMS,
            "transactionId": key,
        }
        if body_html:
            event["body"] = {"contentType": "html", "content": body_html}
        user = self.user_path(requester)
        doc = await self._graph.create_event(user, event, tz.key)
        if not event_join_url(doc):
            doc = await self._wait_for_join_link(user, doc, tz)
        meeting = meeting_from_event(doc, requester.user_id)
        await self._remember(requester, meeting)
        return meeting

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

    async def reschedule(
        self, requester: Requester, meeting: Meeting, start: datetime, end: datetime, tz: ZoneInfo
    ) -> Meeting:
        """Move one of the requester's own meetings (from `owned` or `find_by_name`).

        Only start/end change: a PATCH with a body would issue a new join link."""
        tz = graph_zone(tz)
        user = self.user_path(requester)
        if meeting.kind == EVENT:
            patch = {"start": date_time_time_zone(start, tz), "end": date_time_time_zone(end, tz)}
            moved = meeting_from_event(
                await self._graph.update_event(user, meeting.id, patch, tz.key), requester.user_id
            )
        else:
            times = {"startDateTime": graph_datetime(start), "endDateTime": graph_datetime(end)}
            moved = meeting_from_online(
                await self._graph.update_online_meeting(user, meeting.id, times)
            )
        moved = moved.keeping_details_of(meeting)
        await calendar_copy.move_copy(self._graph, user, moved, tz)
        await self._remember(requester, moved)
        return moved

    async def add_to_calendar(
        self, requester: Requester, meeting: Meeting, tz: ZoneInfo
    ) -> Meeting:
        """The standalone meeting with a copy in the requester's calendar (made once; the
        meeting remembers it, so the card stops offering it and cancel removes it too)."""
        if meeting.calendar_copy:
            return meeting
        user = self.user_path(requester)
        event_id = await calendar_copy.add_copy(self._graph, user, meeting, graph_zone(tz))
        copied = replace(meeting, calendar_copy=event_id)
        await self._remember(requester, copied)
        return copied

    async def _wait_for_join_link(self, user: str, doc: JSON, tz: ZoneInfo) -> JSON:
        """Graph can answer before onlineMeeting is filled in: re-read with bounded backoff."""
        for wait in self._waits:
            await self._sleep(wait)
            fresh = await self._graph.get_event(user, str(doc["id"]), tz.key, JOIN_LINK_SELECT)
            if event_join_url(fresh):
                return {**doc, **fresh}
        return doc

    # --- listing and cancelling ------------------------------------------------------------

    async def list_meetings(
        self, requester: Requester, start: datetime, end: datetime, tz: ZoneInfo
    ) -> list[Meeting]:
        """Calendar events in range plus the bot's standalone meetings, soonest first."""
        tz = graph_zone(tz)
        docs = await self._graph.calendar_view(
            self.user_path(requester), graph_datetime(start), graph_datetime(end), tz.key
        )
        meetings = [meeting_from_event(d) for d in docs if not d.get("isCancelled")]
        for record in await self._storage.upcoming(requester.tenant_id, requester.user_id, start):
            if record.kind == ONLINE and record.start < end:
                meetings.append(to_meeting(record))
        return sorted(meetings, key=lambda m: m.start)

    async def find_by_name(self, requester: Requester, name: str, now: datetime) -> list[Meeting]:
        """Upcoming meetings this bot created for the requester whose subject matches."""
        wanted = name.casefold().strip()
        records = await self._storage.upcoming(requester.tenant_id, requester.user_id, now)
        exact = [r for r in records if r.subject.casefold() == wanted]
        found = exact or [r for r in records if wanted in r.subject.casefold()]
        return [to_meeting(r) for r in found]

    async def lookup(self, requester: Requester, kind: str, graph_id: str) -> Meeting | None:
        """The requester's own bot-created meeting with this id, or None."""
        record = await self._storage.find(requester.tenant_id, requester.user_id, kind, graph_id)
        return to_meeting(record) if record else None

    async def owned(self, requester: Requester, kind: str, graph_id: str) -> Meeting:
        """The one ownership check: a meeting a card names must be the requester's own."""
        meeting = await self.lookup(requester, kind, graph_id)
        if meeting is None:
            raise NotBotMeeting(graph_id)
        return meeting

    async def cancel(self, requester: Requester, meeting: Meeting, comment: str = "") -> Meeting:
        """Cancel one of the requester's own meetings (from `owned` or `find_by_name`);
        an event's attendees are notified."""
        user = self.user_path(requester)
        if meeting.kind == EVENT:
            who = requester.name or "The organizer"
            note = comment or f"{who} cancelled this meeting in Microsoft Teams."
            await self._graph.cancel_event(user, meeting.id, note)
        else:
            await self._graph.delete_online_meeting(user, meeting.id)
        await self._storage.mark_cancelled(
            requester.tenant_id, requester.user_id, meeting.kind, meeting.id
        )
        try:  # the meeting is gone; its calendar copy (if any) follows it
            await calendar_copy.delete_copy(self._graph, user, meeting)
        except GraphError as exc:
            log.warning("could not delete the calendar copy of %s: %s", meeting.id, exc)
        return replace(meeting, cancelled=True)

    async def _remember(self, requester: Requester, meeting: Meeting) -> None:
        await self._storage.remember(to_record(requester, meeting))
