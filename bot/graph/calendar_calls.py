"""The Outlook calendar calls of the Graph client: calendar, events, cancel, calendarView.

A mixin of GraphClient (bot/graph/client.py), which supplies `request` and the base URL; kept
apart so each module reads on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from bot.graph.errors import GraphError
from bot.graph.ids import path_segment
from bot.graph.zones import prefer_time_zone

JSON = dict[str, Any]


class CalendarCalls:
    _base: str

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: JSON | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
    ) -> httpx.Response:
        raise NotImplementedError  # GraphClient sends it

    # --- calendar --------------------------------------------------------------------------

    async def get_calendar(self, user: str) -> JSON:
        """The default calendar's online-meeting settings (allowed and default providers) and
        its owner (name and address)."""
        response = await self.request(
            "GET",
            f"{user}/calendar",
            params={"$select": "allowedOnlineMeetingProviders,defaultOnlineMeetingProvider,owner"},
        )
        return graph_json(response)

    async def get_schedule(
        self, user: str, addresses: list[str], start: JSON, end: JSON, tz_name: str, interval: int
    ) -> list[JSON]:
        """Free/busy of each address (POST .../calendar/getSchedule), times in `tz_name`."""
        body = {
            "Schedules": addresses,
            "StartTime": start,
            "EndTime": end,
            "AvailabilityViewInterval": interval,
        }
        response = await self.request(
            "POST", f"{user}/calendar/getSchedule", json=body, headers=_prefer_timezone(tz_name)
        )
        values = graph_json(response).get("value")
        return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []

    async def create_event(self, user: str, body: JSON, tz_name: str) -> JSON:
        """POST {user}/events; with a transactionId in `body` a retry returns the same event."""
        response = await self.request(
            "POST",
            f"{user}/events",
            json=body,
            headers=_prefer_timezone(tz_name),
            idempotent=bool(body.get("transactionId")),
        )
        return graph_json(response)

    async def get_event(
        self, user: str, event_id: str, tz_name: str, select: str | None = None
    ) -> JSON:
        params = {"$select": select} if select else None
        response = await self.request(
            "GET", _event_path(user, event_id), params=params, headers=_prefer_timezone(tz_name)
        )
        return graph_json(response)

    async def update_event(self, user: str, event_id: str, patch: JSON, tz_name: str) -> JSON:
        response = await self.request(
            "PATCH", _event_path(user, event_id), json=patch, headers=_prefer_timezone(tz_name)
        )
        return graph_json(response)

    async def delete_event(self, user: str, event_id: str) -> None:
        """Delete an event with no one invited (an appointment): cancel is for meetings."""
        await self.request("DELETE", _event_path(user, event_id))

    async def cancel_event(self, user: str, event_id: str, comment: str = "") -> None:
        """Cancel an event the user organizes; Graph notifies the attendees (202)."""
        body = {"Comment": comment} if comment else {}  # the action parameter, as in the CSDL
        await self.request("POST", f"{_event_path(user, event_id)}/cancel", json=body)

    async def calendar_view(
        self, user: str, start: str, end: str, tz_name: str, *, max_pages: int = 5
    ) -> list[JSON]:
        """Events overlapping [start, end), soonest first, following @odata.nextLink."""
        params: dict[str, str] | None = {
            "startDateTime": start,
            "endDateTime": end,
            "$orderby": "start/dateTime",
            "$top": "50",
            "$select": "id,subject,start,end,isOnlineMeeting,onlineMeetingProvider,"
            "onlineMeeting,organizer,isCancelled,attendees,webLink,isOrganizer,type,seriesMasterId",
        }
        path = f"{user}/calendarView"
        events: list[JSON] = []
        for _ in range(max_pages):
            page = graph_json(
                await self.request("GET", path, params=params, headers=_prefer_timezone(tz_name))
            )
            events.extend(page.get("value") or [])
            next_link = page.get("@odata.nextLink")
            if not isinstance(next_link, str) or not next_link.startswith(self._base + "/"):
                break  # never send the token to a host other than Graph's
            path, params = next_link[len(self._base) + 1 :], None
        return events


def _prefer_timezone(tz_name: str) -> dict[str, str]:
    """Always a Windows name (an IANA name is mapped), so Graph answers in Windows names."""
    return {"Prefer": prefer_time_zone(tz_name)}


def _event_path(user: str, event_id: str) -> str:
    return f"{user}/events/{path_segment(event_id)}"


def graph_json(response: httpx.Response) -> JSON:
    """The response's JSON object, or GraphError when Graph sent none."""
    try:
        doc = response.json()
    except ValueError:
        raise GraphError(response.status_code, "invalidResponse", "Graph sent no JSON") from None
    if not isinstance(doc, dict):
        raise GraphError(response.status_code, "invalidResponse", "Graph sent no JSON object")
    return doc
