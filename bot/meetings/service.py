"""The meeting rules, one way in: MeetingService names each operation and the module that
does it (creating, linking, rescheduling, cancelling, reading), all acting as the organizer.

No Bot Framework here: the service takes a Requester and plain values, calls Graph through
the GraphApi protocol, and returns Meetings.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from bot.config import GraphAuthMode
from bot.meetings import options
from bot.meetings.cancelling import Cancelling
from bot.meetings.creating import Creating, TeamsLinkNotAllowed
from bot.meetings.event_links import EventLinks
from bot.meetings.graph_api import GraphApi
from bot.meetings.ledger import LedgerRows, MeetingNotSaved
from bot.meetings.linking import Linking
from bot.meetings.model import Meeting, Requester
from bot.meetings.organizer import Organizer
from bot.meetings.providers import ProviderCache
from bot.meetings.reading import NotBotMeeting, Reading
from bot.meetings.reminders import MeetingHooks, NoHooks
from bot.meetings.rescheduling import Rescheduling

__all__ = ["GraphApi", "MeetingNotSaved", "MeetingService", "NotBotMeeting", "TeamsLinkNotAllowed"]


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
        hooks = reminders or NoHooks()  # told of each create, move and cancel
        links = EventLinks(graph, join_link_waits, sleep)
        cache = providers if providers is not None else ProviderCache()
        self._organizer = organizer = Organizer(graph, storage, auth_mode)
        creating = Creating(organizer, links, hooks, cache)
        linking = Linking(organizer, creating, links)
        reading = Reading(organizer)
        # the requester as organizer (bot/meetings/organizer.py)
        self.user_path = organizer.user_path
        self.person = organizer.person
        self.remember = organizer.remember
        # new meetings (bot/meetings/creating.py)
        self.create_online_meeting = creating.online_meeting
        self.schedule_event = creating.event
        self.reconcile = creating.reconcile
        self.teams_allowed = creating.teams_allowed
        # Teams links and calendar entries a meeting lacks (bot/meetings/linking.py)
        self.add_standalone_link = linking.add_standalone_link
        self.make_online = linking.make_online
        self.add_to_calendar = linking.add_to_calendar
        # changes (bot/meetings/rescheduling.py, bot/meetings/cancelling.py)
        self.reschedule = Rescheduling(organizer, links, hooks).reschedule
        self.cancel = Cancelling(organizer, hooks).cancel
        # reading, and the one ownership check (bot/meetings/reading.py)
        self.list_meetings = reading.list_meetings
        self.find_by_name = reading.find_by_name
        self.lookup = reading.lookup
        self.owned = reading.owned

    @property
    def graph(self) -> GraphApi:
        return self._organizer.graph

    async def apply_options(
        self, requester: Requester, meeting: Meeting, wanted: Mapping[str, Any]
    ) -> Meeting:
        """The meeting's options PATCHed, and remembered with them (bot/meetings/options.py)."""
        return await options.apply_options(self._organizer, requester, meeting, wanted)
