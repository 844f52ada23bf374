"""The meeting rules: organizer, idempotency, provider checks, join-link waits, cancellation.

No Bot Framework here: the service takes a Requester and plain values, calls Graph through
the GraphApi protocol, and returns Meetings.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from bot.config import GraphAuthMode
from bot.graph.errors import GraphBadRequest, GraphError, GraphForbidden, GraphNotFound
from bot.graph.zones import graph_zone
from bot.meetings import calendar_copy
from bot.meetings.cancelling import cancel_once
from bot.meetings.event_links import TEAMS, TEAMS_LOCATION, EventLinks, join_body
from bot.meetings.graph_api import GraphApi
from bot.meetings.graph_docs import (
    date_time_time_zone,
    graph_datetime,
    looks_like_id,
    meeting_from_event,
    meeting_from_online,
)
from bot.meetings.ledger import CALENDAR_COPY, Create, Ledger, LedgerRows, MeetingNotSaved
from bot.meetings.model import EVENT, ONLINE, Meeting, Person, Requester, idempotency_key
from bot.meetings.options import apply_options, checked, own_address, participant, planned
from bot.meetings.providers import ProviderCache
from bot.meetings.recurrence_docs import patterned
from bot.meetings.reminders import MeetingHooks, NoHooks
from bot.meetings.store import to_meeting, to_record
from bot.parsing import Recurrence
from bot.storage import Intent, StorageError

__all__ = ["GraphApi", "MeetingNotSaved", "MeetingService", "NotBotMeeting", "TeamsLinkNotAllowed"]

log = logging.getLogger(__name__)
JSON = dict[str, Any]


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
        storage: LedgerRows,
        auth_mode: GraphAuthMode = GraphAuthMode.APP,
        *,
        join_link_waits: Sequence[float] = (0.5, 1.0, 2.0, 4.0),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        reminders: MeetingHooks | None = None,
        providers: ProviderCache | None = None,
    ) -> None:
        self._graph = graph
        self._reminders = reminders or NoHooks()  # told of each create, move and cancel
        self._storage = storage
        self._ledger = Ledger(graph, storage)
        self._auth_mode = auth_mode
        self._links = EventLinks(graph, join_link_waits, sleep)
        self._providers = providers if providers is not None else ProviderCache()

    @property
    def graph(self) -> GraphApi:
        return self._graph

    def user_path(self, requester: Requester) -> str:
        """`/me` with a delegated token, else `/users/{aadObjectId}` of the sender."""
        if self._auth_mode is GraphAuthMode.DELEGATED:
            return "me"
        return f"users/{quote(requester.user_id, safe='')}"

    async def person(self, user_id: str) -> Person | None:
        """Someone picked in the Teams people picker (an Entra object id), from Graph's user
        directory; None when the directory does not know them or may not be read."""
        try:
            user = await self._graph.get_user(user_id)
        except (GraphNotFound, GraphForbidden, GraphBadRequest) as exc:
            log.info("Directory lookup of a picked person failed: %s", exc)
            return None
        return Person(email=user.address, name=user.display_name) if user.address else None

    # --- standalone Teams meetings ---------------------------------------------------------

    async def create_online_meeting(
        self,
        requester: Requester,
        subject: str,
        start: datetime,
        end: datetime,
        key: str,
        origin: JSON | None = None,
        attendees: Sequence[Person] = (),
        options: Mapping[str, Any] | None = None,
    ) -> Meeting:
        """A standalone Teams meeting, once per `key` (its externalId), the people named as
        participants.attendees, then its options by a PATCH (createOrGet takes none); `origin`
        says where a result that comes late should be posted (kept with the intent)."""
        wanted = checked(options or {})
        body: JSON = {
            "externalId": key,
            "subject": subject,
            "startDateTime": graph_datetime(start),
            "endDateTime": graph_datetime(end),
        }
        if attendees:
            body["participants"] = {"attendees": [participant(p) for p in attendees]}
        create = Create(key, ONLINE, body, name=requester.name, origin=origin or {})
        meeting = await self._create(requester, create)
        if attendees:
            address = await own_address(self._graph, self.user_path(requester))
            return await planned(self, requester, meeting, (attendees, address), wanted)
        return await apply_options(self, requester, meeting, wanted) if wanted else meeting

    async def _create(self, requester: Requester, create: Create) -> Meeting:
        user = self.user_path(requester)

        async def finish(doc: JSON) -> Meeting:
            if create.kind == ONLINE:
                return await self._named(requester, meeting_from_online(doc))
            if create.kind != EVENT:  # a calendar copy: Graph's answer as it is
                return meeting_from_event(doc, requester.user_id)
            doc = await self._links.settled(user, doc, ZoneInfo(create.tz or "UTC"))
            meeting = await self._named(requester, meeting_from_event(doc, requester.user_id))
            if not doc.get("isOnlineMeeting"):  # Outlook made it offline although Teams is allowed
                meeting = replace(meeting, link_refused=True)
            return meeting

        meeting = await self._ledger.create(requester, user, create, finish)
        await self._reminders.created(requester, meeting)
        return meeting

    async def reconcile(self, intent: Intent) -> Meeting:
        """Settle an intent a crash or a fault left pending: the same idempotent request
        again, and the meeting recorded (raises what that create raises)."""
        create = Create.of(intent)
        requester = Requester(intent.user_id, intent.tenant_id, create.name)
        return await self._create(requester, create)

    # --- calendar events -------------------------------------------------------------------

    async def teams_allowed(self, requester: Requester) -> list[str]:
        """Raise TeamsLinkNotAllowed unless the calendar allows teamsForBusiness; a yes is
        remembered a short while (bot/meetings/providers.py), a no is asked again."""
        allowed = self._providers.get(requester.tenant_id, requester.user_id)
        if allowed is None:
            calendar = await self._graph.get_calendar(self.user_path(requester))
            allowed = [str(p) for p in calendar.get("allowedOnlineMeetingProviders") or []]
            if TEAMS.lower() in (p.lower() for p in allowed):
                self._providers.put(requester.tenant_id, requester.user_id, allowed)
        if TEAMS.lower() not in (p.lower() for p in allowed):
            raise TeamsLinkNotAllowed(allowed)
        return allowed

    def _recheck_providers(self, requester: Requester) -> None:
        """Graph had a problem with the user's event: read the calendar again next time."""
        self._providers.forget(requester.tenant_id, requester.user_id)

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
        origin: JSON | None = None,
        recurrence: Recurrence | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> Meeting:
        """An event with a Teams link in the requester's calendar (a series when it recurs),
        once per `key` (its transactionId); invitations go out; then its options, if any."""
        wanted = checked(options or {})
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
        if recurrence is not None:
            event["recurrence"] = patterned(recurrence, tz)
        create = Create(key, EVENT, event, tz.key, requester.name, origin or {})
        try:
            meeting = await self._create(requester, create)
        except Exception:  # Graph reported a problem: read the calendar's providers again
            self._recheck_providers(requester)
            raise
        if meeting.link_refused or not meeting.join_url:
            self._recheck_providers(requester)
        address = meeting.organizer_email  # Graph names the organizer: no extra call
        return await planned(self, requester, meeting, (attendees, address), wanted)

    async def add_standalone_link(
        self, requester: Requester, meeting: Meeting, tz: ZoneInfo
    ) -> Meeting:
        """The way to join an event Outlook made without its Teams link: a standalone Teams
        meeting whose link goes into the event's body and location (bot/meetings/event_links.py)."""
        tz = graph_zone(tz)
        user = self.user_path(requester)
        doc = await self._graph.get_event(user, meeting.id, tz.key)
        doc, join_url = await self._links.add_standalone(user, doc, tz)
        added = replace(meeting_from_event(doc, requester.user_id), join_url=join_url or None)
        added = await self._named(requester, added)
        await self._remember(requester, added)
        return added

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
        doc = await self._links.settled(user, doc, tz)
        return await self._named(requester, meeting_from_event(doc, requester.user_id))

    async def reschedule(
        self, requester: Requester, meeting: Meeting, start: datetime, end: datetime, tz: ZoneInfo
    ) -> Meeting:
        """Move one of the requester's own meetings (from `owned` or `find_by_name`).

        Only start/end change: a PATCH with a body would issue a new join link."""
        tz = graph_zone(tz)
        user = self.user_path(requester)
        if meeting.kind == EVENT:
            patch = {"start": date_time_time_zone(start, tz), "end": date_time_time_zone(end, tz)}
            doc = await self._graph.update_event(user, meeting.id, patch, tz.key)
            doc, join_url = await self._links.after_move(user, doc, meeting.join_url, tz)
            moved = replace(meeting_from_event(doc, requester.user_id), join_url=join_url)
        else:
            times = {"startDateTime": graph_datetime(start), "endDateTime": graph_datetime(end)}
            moved = meeting_from_online(
                await self._graph.update_online_meeting(user, meeting.id, times)
            )
            moved = moved.keeping_details_of(meeting)  # Graph's answer names no copy
            await calendar_copy.move_copy(self._graph, user, moved, tz)  # it moves with it
        moved = await self._named(requester, moved)
        await self._remember(requester, moved)
        await self._reminders.moved(requester, moved)
        return moved

    async def add_to_calendar(
        self, requester: Requester, meeting: Meeting, tz: ZoneInfo
    ) -> Meeting:
        """The standalone meeting, with a calendar event at the same time whose body carries
        its link (made once: the meeting remembers it, so the card stops offering it, and cancel
        and reschedule change both).

        The event is not made an online meeting itself: that would mint a second, different link.
        """
        if meeting.calendar_copy_id:
            return meeting
        tz = graph_zone(tz)
        event: JSON = {
            "subject": meeting.subject,
            "start": date_time_time_zone(meeting.start, tz),
            "end": date_time_time_zone(meeting.end, tz),
            "body": {"contentType": "html", "content": join_body(meeting.join_url or "")},
            "location": {"displayName": TEAMS_LOCATION},
            "transactionId": idempotency_key(meeting.kind, meeting.id, "add_to_calendar"),
        }
        key = str(event["transactionId"])
        copy = await self._create(requester, Create(key, CALENDAR_COPY, event, tz.key))
        copied = replace(meeting, calendar_copy_id=copy.id)
        await self._remember(requester, copied)
        return copied

    # --- listing and cancelling ------------------------------------------------------------

    async def list_meetings(
        self, requester: Requester, start: datetime, end: datetime, tz: ZoneInfo
    ) -> list[Meeting]:
        """Calendar events in range plus the bot's standalone meetings, soonest first."""
        tz = graph_zone(tz)
        docs = await self._graph.calendar_view(
            self.user_path(requester), graph_datetime(start), graph_datetime(end), tz.key
        )
        records = await self._storage.upcoming(requester.tenant_id, requester.user_id, start)
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
        records = await self._storage.upcoming(
            requester.tenant_id, requester.user_id, now, cancelled=cancelled
        )
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

    async def cancel(
        self, requester: Requester, meeting: Meeting, comment: str = "", *, series: bool = True
    ) -> Meeting:
        """Cancel one of the requester's own meetings (from `owned`, `occurrence` or
        `find_by_name`): for one meeting of a series, that one alone or (`series`) the whole
        series. An event's attendees are notified. Cancelling what is already cancelled
        succeeds."""
        who = requester.name or "The organizer"
        note = comment or f"{who} cancelled this meeting in Microsoft Teams."
        user = self.user_path(requester)
        if meeting.series_id:  # one meeting of a series: it alone, or its series
            target = replace(meeting, id=meeting.series_id) if series else meeting
            await cancel_once(self._graph, user, target, note)
            if not series:
                return replace(meeting, cancelled=True)
            meeting = replace(meeting, id=meeting.series_id)
        else:
            await cancel_once(self._graph, user, meeting, note)
        try:  # and its calendar copy, no one else's (one the user deleted is gone already)
            await calendar_copy.delete_copy(self._graph, user, meeting)
        except GraphError as error:  # the meeting is cancelled: the card must say so
            log.warning("Cancelled %s but not its calendar copy: %s", meeting.kind, error)
        try:
            await self._storage.mark_cancelled(
                requester.tenant_id, requester.user_id, meeting.kind, meeting.id
            )
        except StorageError as error:  # Graph's is the truth; the next `cancel` marks it
            log.warning("Cancelled %s but could not mark it: %s", meeting.kind, error)
        await self._reminders.cancelled(requester, meeting)
        return replace(meeting, cancelled=True)

    async def _named(self, requester: Requester, meeting: Meeting) -> Meeting:
        """The organizer (always the requester here) by name, never an id: Graph leaves an
        online meeting's organizer displayName null and may name an event's organizer by id;
        then the activity's sender name, else the directory."""
        if not looks_like_id(meeting.organizer_name):
            return meeting
        name = requester.name
        if not name:
            found = await self.person(requester.user_id)
            name = found.name if found else ""
        return replace(meeting, organizer_name=name)

    async def remember(self, requester: Requester, meeting: Meeting) -> None:
        """Keep what the bot knows of one of the requester's meetings (MeetingNotSaved)."""
        await self._remember(requester, meeting)

    async def _remember(self, requester: Requester, meeting: Meeting) -> None:
        try:
            await self._storage.remember(to_record(requester, meeting))
        except StorageError as error:
            raise MeetingNotSaved(meeting, error) from error
