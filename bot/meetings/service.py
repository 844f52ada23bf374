"""The meeting rules: organizer, idempotency, provider checks, join-link waits, cancellation.

No Bot Framework here: the service takes a Requester and plain values, calls Graph through
the GraphApi protocol, and returns Meetings.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from bot.config import GraphAuthMode
from bot.graph.zones import graph_zone
from bot.meetings.event_links import JOIN_LINK_SELECT, TEAMS, EventLinks, TeamsLinkNotAllowed
from bot.meetings.graph_api import GraphApi
from bot.meetings.graph_docs import (
    date_time_time_zone,
    event_join_url,
    graph_datetime,
    meeting_from_event,
    meeting_from_online,
    options_of,
)
from bot.meetings.model import EVENT, ONLINE, Meeting, Person, Requester
from bot.meetings.options import (
    NoOnlineMeeting,
    checked,
    options_patch,
    outsiders,
    participant,
)
from bot.meetings.recurrence_docs import patterned
from bot.meetings.store import Storage, to_meeting, to_record
from bot.parsing import Recurrence

__all__ = [
    "JOIN_LINK_SELECT",
    "GraphApi",
    "MeetingService",
    "NotBotMeeting",
    "TeamsLinkNotAllowed",
]

JSON = dict[str, Any]


class NotBotMeeting(Exception):
    """The meeting is not one this bot created for this user: nothing is changed."""


class MeetingService(EventLinks):
    """Creates, lists and changes meetings for a requester, idempotently."""

    def __init__(
        self,
        graph: GraphApi,
        storage: Storage,
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

    @property
    def graph(self) -> GraphApi:
        return self._graph

    def user_path(self, requester: Requester) -> str:
        """`/me` with a delegated token, else `/users/{aadObjectId}` of the sender."""
        if self._auth_mode is GraphAuthMode.DELEGATED:
            return "me"
        return f"users/{quote(requester.user_id, safe='')}"

    # --- standalone Teams meetings ---------------------------------------------------------

    async def create_online_meeting(
        self,
        requester: Requester,
        subject: str,
        start: datetime,
        end: datetime,
        key: str,
        attendees: Sequence[Person] = (),
        options: Mapping[str, Any] | None = None,
    ) -> Meeting:
        """createOrGet, the people invited as participants.attendees; options by a PATCH
        (createOrGet takes none)."""
        wanted = checked(options or {})
        body: JSON = {
            "externalId": key,
            "subject": subject,
            "startDateTime": graph_datetime(start),
            "endDateTime": graph_datetime(end),
        }
        if attendees:
            body["participants"] = {"attendees": [participant(p) for p in attendees]}
        doc, created = await self._graph.create_or_get_online_meeting(
            self.user_path(requester), body
        )
        meeting = meeting_from_online(doc, created)
        if not meeting.organizer_name:  # Graph often leaves the organizer's displayName null
            meeting = replace(meeting, organizer_name=requester.name)
        if attendees:
            address = await self.own_address(requester)
            meeting = replace(meeting, outsiders=outsiders([p.email for p in attendees], address))
        self._remember(requester, meeting)
        return await self.apply_options(requester, meeting, wanted) if wanted else meeting

    # --- calendar events -------------------------------------------------------------------

    async def apply_options(
        self, requester: Requester, meeting: Meeting, options: Mapping[str, Any]
    ) -> Meeting:
        """PATCH the meeting's options; a calendar event's meeting is found by its join link."""
        wanted = checked(options)
        user = self.user_path(requester)
        meeting_id = meeting.id
        if meeting.kind == EVENT:
            found = await self._graph.find_online_meeting_by_join_url(user, meeting.join_url or "")
            if not meeting.join_url or found is None:
                raise NoOnlineMeeting(meeting.id)
            meeting_id = str(found["id"])
        doc = await self._graph.update_online_meeting(user, meeting_id, options_patch(wanted))
        updated = replace(meeting, options=options_of(doc))
        self._remember(requester, updated)
        return updated

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
        recurrence: Recurrence | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> Meeting:
        """An event with a Teams link in the requester's calendar (a series when it recurs);
        invitations go out; then the meeting's options, if any."""
        wanted = checked(options or {})
        address = await self.teams_allowed(requester)
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
        if recurrence is not None:
            event["recurrence"] = patterned(recurrence, tz)
        user = self.user_path(requester)
        doc = await self._graph.create_event(user, event, tz.key)
        if not event_join_url(doc):
            doc = await self._wait_for_join_link(user, doc, tz)
        meeting = meeting_from_event(doc, requester.user_id)
        meeting = replace(meeting, outsiders=outsiders([p.email for p in attendees], address))
        self._remember(requester, meeting)
        if wanted and meeting.join_url:
            return await self.apply_options(requester, meeting, wanted)
        return meeting

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
        self._remember(requester, moved)
        return moved

    async def list_meetings(
        self, requester: Requester, start: datetime, end: datetime, tz: ZoneInfo
    ) -> list[Meeting]:
        """Calendar events in range plus the bot's standalone meetings, soonest first."""
        tz = graph_zone(tz)
        docs = await self._graph.calendar_view(
            self.user_path(requester), graph_datetime(start), graph_datetime(end), tz.key
        )
        meetings = [meeting_from_event(d) for d in docs if not d.get("isCancelled")]
        for record in self._storage.upcoming(requester.tenant_id, requester.user_id, start):
            if record.kind == ONLINE and record.start < end:
                meetings.append(to_meeting(record))
        return sorted(meetings, key=lambda m: m.start)

    def find_by_name(self, requester: Requester, name: str, now: datetime) -> list[Meeting]:
        """Upcoming meetings this bot created for the requester whose subject matches."""
        wanted = name.casefold().strip()
        records = self._storage.upcoming(requester.tenant_id, requester.user_id, now)
        exact = [r for r in records if r.subject.casefold() == wanted]
        found = exact or [r for r in records if wanted in r.subject.casefold()]
        return [to_meeting(r) for r in found]

    def lookup(self, requester: Requester, kind: str, graph_id: str) -> Meeting | None:
        """The requester's own bot-created meeting with this id, or None."""
        record = self._storage.find(requester.tenant_id, requester.user_id, kind, graph_id)
        return to_meeting(record) if record else None

    def owned(self, requester: Requester, kind: str, graph_id: str) -> Meeting:
        """The one ownership check: a meeting a card names must be the requester's own."""
        meeting = self.lookup(requester, kind, graph_id)
        if meeting is None:
            raise NotBotMeeting(graph_id)
        return meeting

    async def first_occurrence(
        self, requester: Requester, series: Meeting, tz: ZoneInfo
    ) -> Meeting:
        """The meeting of a series that starts when the series does (its first one)."""
        zone = graph_zone(tz)
        user = self.user_path(requester)
        docs = await self._graph.calendar_view(
            user, graph_datetime(series.start), graph_datetime(series.end), zone.key
        )
        found = [d for d in docs if d.get("seriesMasterId") == series.id]
        if not found:
            raise NotBotMeeting(series.id)
        first = meeting_from_event(found[0], requester.user_id)
        return replace(first, recurrence=series.recurrence)

    async def occurrence(
        self, requester: Requester, series: Meeting, occurrence_id: str, tz: ZoneInfo
    ) -> Meeting:
        """One meeting of the requester's own series (`series` from `owned`), read from Graph."""
        doc = await self._graph.get_event(
            self.user_path(requester), occurrence_id, graph_zone(tz).key
        )
        found = meeting_from_event(doc, requester.user_id)
        return replace(found, series_id=series.id, recurrence=series.recurrence)

    async def cancel(
        self, requester: Requester, meeting: Meeting, comment: str = "", *, series: bool = True
    ) -> Meeting:
        """Cancel one of the requester's own meetings (from `owned`, `occurrence` or
        `find_by_name`); for a meeting of a series, that one alone or (`series`) the whole
        series. An event's attendees are notified."""
        user = self.user_path(requester)
        whole = bool(meeting.series_id) and series
        target = meeting.series_id if whole else meeting.id
        if meeting.kind == EVENT:
            who = requester.name or "The organizer"
            note = comment or f"{who} cancelled this meeting in Microsoft Teams."
            await self._graph.cancel_event(user, target, note)
        else:
            await self._graph.delete_online_meeting(user, target)
        if not meeting.series_id or whole:
            self._storage.mark_cancelled(
                requester.tenant_id, requester.user_id, meeting.kind, target
            )
        return replace(meeting, cancelled=True)

    def _remember(self, requester: Requester, meeting: Meeting) -> None:
        self._storage.remember(to_record(requester, meeting))
