"""An event's Teams link on real tenants: wait for it, add a standalone one, restore a lost one.

Graph does not always do what an event POST or PATCH asked: it can create the event offline
although Teams is allowed (microsoft-graph-docs #9741, explorer-v4 #3315), and a change of
start/end can drop the link (msgraph-sdk-dotnet #2895, microsoft-graph-docs #16336). Here the
service finds out which happened and gives the event a way to join again.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.meetings.graph_docs import event_join_url, from_date_time_time_zone, graph_datetime
from bot.meetings.model import EVENT, idempotency_key

JSON = dict[str, Any]
TEAMS = "teamsForBusiness"
JOIN_LINK_SELECT = "isOnlineMeeting,onlineMeetingProvider,onlineMeeting,body"
TEAMS_LOCATION = "Microsoft Teams meeting"


@dataclass(frozen=True)
class JoinWords:
    """What an event's body and location say about its link, in the organizer's language (the
    conversation translates them; English when nobody asked in another)."""

    title: str = TEAMS_LOCATION
    join: str = "Join the meeting now"


ENGLISH = JoinWords()


class LinkGraph(Protocol):
    async def create_or_get_online_meeting(self, user: str, body: JSON) -> tuple[JSON, bool]: ...
    async def get_event(
        self, user: str, event_id: str, tz_name: str, select: str | None = None
    ) -> JSON: ...
    async def update_event(self, user: str, event_id: str, patch: JSON, tz_name: str) -> JSON: ...
    async def update_online_meeting(self, user: str, meeting_id: str, patch: JSON) -> JSON: ...
    async def find_online_meeting_by_join_url(self, user: str, join_url: str) -> JSON | None: ...


class EventLinks:
    """What the service does about an event's join link, one Graph call at a time."""

    def __init__(
        self, graph: LinkGraph, waits: Sequence[float], sleep: Callable[[float], Awaitable[None]]
    ) -> None:
        self._graph = graph
        self._waits = tuple(waits)
        self._sleep = sleep

    async def settled(self, user: str, doc: JSON, tz: ZoneInfo) -> JSON:
        """The event once its link is known. Graph can answer before onlineMeeting is filled
        in: re-read with bounded backoff, but only while it says isOnlineMeeting true — an
        event it made offline will not get a link by waiting."""
        if event_join_url(doc) or not doc.get("isOnlineMeeting"):
            return doc
        for wait in self._waits:
            await self._sleep(wait)
            fresh = await self._graph.get_event(user, str(doc["id"]), tz.key, JOIN_LINK_SELECT)
            if event_join_url(fresh) or not fresh.get("isOnlineMeeting"):
                return {**doc, **fresh}
        return doc

    async def add_standalone(
        self, user: str, doc: JSON, tz: ZoneInfo, words: JoinWords = ENGLISH
    ) -> tuple[JSON, str]:
        """A standalone Teams meeting at the event's time (createOrGet keyed on the event, so a
        second press finds the same one), its link written into the event's body and location.
        Only body and location are patched: the invitation carries the link to everyone."""
        event_id = str(doc["id"])
        online = await self._standalone_of(user, doc)
        join_url = str(online.get("joinWebUrl") or "")
        if not join_url or carries(doc, join_url):
            return doc, join_url
        before = str((doc.get("body") or {}).get("content") or "")
        patch = {
            "body": {"contentType": "html", "content": before + join_body(join_url, words)},
            "location": {"displayName": words.title},
        }
        return await self._graph.update_event(user, event_id, patch, tz.key), join_url

    async def after_move(
        self,
        user: str,
        doc: JSON,
        join_url: str | None,
        tz: ZoneInfo,
        words: JoinWords = ENGLISH,
    ) -> tuple[JSON, str | None]:
        """(the moved event, its current join link). The event is read again; a Teams link a
        move dropped is asked for again, and failing that a standalone link is added."""
        fresh = {
            **doc,
            **await self._graph.get_event(user, str(doc["id"]), tz.key, JOIN_LINK_SELECT),
        }
        fresh = await self.settled(user, fresh, tz)
        if event_join_url(fresh):
            return fresh, event_join_url(fresh)
        if not join_url:  # no link before
            return fresh, join_url
        if carries(fresh, join_url):  # the standalone link the bot wrote: it moves too
            await self._move_standalone(user, fresh, join_url)
            return fresh, join_url
        online = {"isOnlineMeeting": True, "onlineMeetingProvider": TEAMS}
        fresh = await self.settled(
            user, await self._graph.update_event(user, str(doc["id"]), online, tz.key), tz
        )
        if event_join_url(fresh):
            return fresh, event_join_url(fresh)
        fresh, standalone = await self.add_standalone(user, fresh, tz, words)
        return fresh, standalone or None

    async def _standalone_of(self, user: str, doc: JSON) -> JSON:
        """The event's standalone Teams meeting (createOrGet keyed on the event: made once,
        found again afterwards), at the event's time when it is made."""
        return (
            await self._graph.create_or_get_online_meeting(
                user,
                {
                    "externalId": idempotency_key(EVENT, str(doc["id"]), "standalone-link"),
                    "subject": str(doc.get("subject") or "Teams meeting"),
                    "startDateTime": graph_datetime(from_date_time_time_zone(doc["start"])),
                    "endDateTime": graph_datetime(from_date_time_time_zone(doc["end"])),
                },
            )
        )[0]

    async def _move_standalone(self, user: str, doc: JSON, join_url: str) -> None:
        """The standalone meeting whose link the moved event carries, at the event's new time
        (found by its join link, never created; only start/end are patched, which keeps its
        link). A link that names no meeting of the user's is left alone."""
        online = await self._graph.find_online_meeting_by_join_url(user, join_url)
        if not online or not online.get("id"):
            return
        times = {
            "startDateTime": graph_datetime(from_date_time_time_zone(doc["start"])),
            "endDateTime": graph_datetime(from_date_time_time_zone(doc["end"])),
        }
        if (online.get("startDateTime"), online.get("endDateTime")) != tuple(times.values()):
            await self._graph.update_online_meeting(user, str(online["id"]), times)


def carries(doc: JSON, join_url: str) -> bool:
    """Whether the event's body already holds this link (a standalone link the bot wrote)."""
    content = str((doc.get("body") or {}).get("content") or "")
    return join_url in content or join_url in html.unescape(content)


def join_body(join_url: str, words: JoinWords = ENGLISH) -> str:
    link = html.escape(join_url, quote=True)
    title, join = html.escape(words.title), html.escape(words.join)
    return f'<p>{title}</p><p><a href="{link}">{join}</a></p><p>{link}</p>'
