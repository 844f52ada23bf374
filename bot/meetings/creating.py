"""Creating meetings: a standalone Teams meeting or a calendar event with a Teams link, each
once per key (the ledger writes the intent down before Graph is called), the organizer named,
the invited people and the options applied, the reminders told."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.graph.zones import graph_zone
from bot.meetings.event_links import TEAMS, EventLinks
from bot.meetings.graph_docs import (
    date_time_time_zone,
    graph_datetime,
    meeting_from_event,
    meeting_from_online,
)
from bot.meetings.ledger import Create, Ledger
from bot.meetings.model import EVENT, ONLINE, Meeting, Person, Requester
from bot.meetings.options import apply_options, checked, own_address, participant, planned
from bot.meetings.organizer import Organizer
from bot.meetings.providers import ProviderCache
from bot.meetings.recurrence_docs import patterned
from bot.meetings.reminders import MeetingHooks
from bot.parsing import Recurrence
from bot.storage import Intent

JSON = dict[str, Any]


class TeamsLinkNotAllowed(Exception):
    """The user's calendar does not allow Teams meetings (allowedOnlineMeetingProviders)."""

    def __init__(self, allowed: Sequence[str]) -> None:
        super().__init__(f"teamsForBusiness not in {list(allowed)}")
        self.allowed = list(allowed)


class Creating:
    """Makes the requester's new meetings, idempotently."""

    def __init__(
        self,
        organizer: Organizer,
        links: EventLinks,
        reminders: MeetingHooks,
        providers: ProviderCache,
    ) -> None:
        self._organizer = organizer
        self._ledger = Ledger(organizer.graph, organizer.storage, reminders)  # tells them
        self._links = links
        self._providers = providers

    async def online_meeting(
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
        meeting = await self.create(requester, create)
        organizer = self._organizer
        if attendees:
            address = await own_address(organizer.graph, organizer.user_path(requester))
            return await planned(organizer, requester, meeting, (attendees, address), wanted)
        return await apply_options(organizer, requester, meeting, wanted) if wanted else meeting

    async def create(self, requester: Requester, create: Create) -> Meeting:
        """What the ledger creates, as a Meeting: the organizer named, an event's join link
        waited for (bot/meetings/event_links.py); the reminders told (by the ledger)."""
        organizer = self._organizer
        user = organizer.user_path(requester)

        async def finish(doc: JSON) -> Meeting:
            if create.kind == ONLINE:
                return await organizer.named(requester, meeting_from_online(doc))
            if create.kind != EVENT:  # a calendar copy: Graph's answer as it is
                return meeting_from_event(doc, requester.user_id)
            doc = await self._links.settled(user, doc, ZoneInfo(create.tz or "UTC"))
            meeting = await organizer.named(requester, meeting_from_event(doc, requester.user_id))
            if not doc.get("isOnlineMeeting"):  # Outlook made it offline although Teams is allowed
                meeting = replace(meeting, link_refused=True)
            return meeting

        return await self._ledger.create(requester, user, create, finish)

    async def reconcile(self, intent: Intent) -> Meeting:
        """Settle an intent a crash or a fault left pending: the same idempotent request
        again, and the meeting recorded (raises what that create raises)."""
        create = Create.of(intent)
        requester = Requester(intent.user_id, intent.tenant_id, create.name)
        return await self.create(requester, create)

    async def teams_allowed(self, requester: Requester) -> list[str]:
        """Raise TeamsLinkNotAllowed unless the calendar allows teamsForBusiness; a yes is
        remembered a short while (bot/meetings/providers.py), a no is asked again."""
        allowed = self._providers.get(requester.tenant_id, requester.user_id)
        if allowed is None:
            user = self._organizer.user_path(requester)
            calendar = await self._organizer.graph.get_calendar(user)
            allowed = [str(p) for p in calendar.get("allowedOnlineMeetingProviders") or []]
            if TEAMS.lower() in (p.lower() for p in allowed):
                self._providers.put(requester.tenant_id, requester.user_id, allowed)
        if TEAMS.lower() not in (p.lower() for p in allowed):
            raise TeamsLinkNotAllowed(allowed)
        return allowed

    def _recheck_providers(self, requester: Requester) -> None:
        """Graph had a problem with the user's event: read the calendar again next time."""
        self._providers.forget(requester.tenant_id, requester.user_id)

    async def event(
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
            meeting = await self.create(requester, create)
        except Exception:  # Graph reported a problem: read the calendar's providers again
            self._recheck_providers(requester)
            raise
        if meeting.link_refused or not meeting.join_url:
            self._recheck_providers(requester)
        address = meeting.organizer_email  # Graph names the organizer: no extra call
        return await planned(self._organizer, requester, meeting, (attendees, address), wanted)
