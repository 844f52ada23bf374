"""Microsoft Graph over httpx: one AsyncClient per process, bounded retries, typed errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from bot.graph.auth import TokenAcquisitionError, TokenProvider
from bot.graph.errors import GraphError, GraphTransportError, error_from_response
from bot.graph.retry import RetryPolicy

log = logging.getLogger(__name__)

JSON = dict[str, Any]
Sleep = Callable[[float], Awaitable[None]]
#: Graph answers evolvable enum members (e.g. lobby scope "invited") only to clients that ask.
ALL_ENUM_MEMBERS = {"Prefer": "include-unknown-enum-members"}


class GraphClient:
    """Thin, typed access to the Graph calls the bot makes. `_send` moves bytes,
    `_checked` maps statuses to GraphError (bot/graph/errors.py), and `request` retries as
    RetryPolicy (bot/graph/retry.py) says."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        timeout: float = 10.0,
        max_retries: int = 3,
        backoff_base: float = 0.5,
        max_delay: float = 20.0,
        http: httpx.AsyncClient | None = None,
        sleep: Sleep = asyncio.sleep,
        verify: Any = True,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._tokens = tokens
        self._retry = RetryPolicy(max_retries, backoff_base, max_delay)
        self._sleep = sleep
        self._http = http or httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"Accept": "application/json", "User-Agent": "teams-meeting-bot/0.1"},
            verify=verify,
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- the calls -------------------------------------------------------------------------

    async def create_or_get_online_meeting(self, user: str, body: JSON) -> tuple[JSON, bool]:
        """POST {user}/onlineMeetings/createOrGet; returns (meeting, created?)."""
        response = await self.request("POST", f"{user}/onlineMeetings/createOrGet", json=body)
        return _json(response), response.status_code == 201

    async def get_online_meeting(self, user: str, meeting_id: str) -> JSON:
        response = await self.request("GET", f"{user}/onlineMeetings/{quote(meeting_id, safe='')}")
        return _json(response)

    async def find_online_meeting_by_join_url(self, user: str, join_url: str) -> JSON | None:
        """An event's Teams meeting, by its join link (evolvable enum values included)."""
        escaped = join_url.replace("'", "''")
        response = await self.request(
            "GET",
            f"{user}/onlineMeetings",
            params={"$filter": f"JoinWebUrl eq '{escaped}'"},
            headers=ALL_ENUM_MEMBERS,
        )
        values = _json(response).get("value") or []
        return values[0] if values else None

    async def update_online_meeting(self, user: str, meeting_id: str, patch: JSON) -> JSON:
        """PATCH; opted in to evolvable enum members (lobbyBypassSettings.scope "invited")."""
        response = await self.request(
            "PATCH",
            f"{user}/onlineMeetings/{quote(meeting_id, safe='')}",
            json=patch,
            headers=ALL_ENUM_MEMBERS,
        )
        return _json(response)

    async def delete_online_meeting(self, user: str, meeting_id: str) -> None:
        await self.request("DELETE", f"{user}/onlineMeetings/{quote(meeting_id, safe='')}")

    # --- calendar --------------------------------------------------------------------------

    async def get_calendar(self, user: str) -> JSON:
        """The default calendar's online-meeting settings (allowed and default providers) and
        its owner (name and address)."""
        response = await self.request(
            "GET",
            f"{user}/calendar",
            params={"$select": "allowedOnlineMeetingProviders,defaultOnlineMeetingProvider,owner"},
        )
        return _json(response)

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
        values = _json(response).get("value")
        return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []

    async def create_event(self, user: str, body: JSON, tz_name: str) -> JSON:
        response = await self.request(
            "POST", f"{user}/events", json=body, headers=_prefer_timezone(tz_name)
        )
        return _json(response)

    async def get_event(
        self, user: str, event_id: str, tz_name: str, select: str | None = None
    ) -> JSON:
        params = {"$select": select} if select else None
        response = await self.request(
            "GET", _event_path(user, event_id), params=params, headers=_prefer_timezone(tz_name)
        )
        return _json(response)

    async def update_event(self, user: str, event_id: str, patch: JSON, tz_name: str) -> JSON:
        response = await self.request(
            "PATCH", _event_path(user, event_id), json=patch, headers=_prefer_timezone(tz_name)
        )
        return _json(response)

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
            "onlineMeeting,organizer,isCancelled,attendees,webLink,type,seriesMasterId",
        }
        path = f"{user}/calendarView"
        events: list[JSON] = []
        for _ in range(max_pages):
            page = _json(
                await self.request("GET", path, params=params, headers=_prefer_timezone(tz_name))
            )
            events.extend(page.get("value") or [])
            next_link = page.get("@odata.nextLink")
            if not isinstance(next_link, str) or not next_link.startswith(self._base + "/"):
                break  # never send the token to a host other than Graph's
            path, params = next_link[len(self._base) + 1 :], None
        return events

    # --- transport, status mapping and retries, each on its own --------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: JSON | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send one Graph request, retrying what the policy says is worth it; raise GraphError."""
        url = f"{self._base}/{path.lstrip('/')}"
        attempt = 0
        while True:
            try:
                return await self._checked(method, url, json, params, headers)
            except GraphError as error:
                error.path = path
                wait = self._retry.delay(attempt, error)
                if wait is None:
                    raise
                log.info(
                    "Graph %s %s: %s; retry %d in %.2fs",
                    method,
                    path,
                    error.status or error.message,
                    attempt + 1,
                    wait,
                )
            await self._sleep(wait)
            attempt += 1

    async def _checked(
        self,
        method: str,
        url: str,
        json: JSON | None,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
    ) -> httpx.Response:
        """One attempt: a 2xx/3xx response, or the GraphError its status maps to."""
        response = await self._send(method, url, json, params, headers)
        if response.status_code >= 400:
            raise error_from_response(response.status_code, response.headers, response.content)
        return response

    async def _send(
        self,
        method: str,
        url: str,
        json: JSON | None,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
    ) -> httpx.Response:
        """Move the bytes: a response of any status, or GraphTransportError when none came."""
        token = await self._tokens.get_token()
        if not token:
            raise TokenAcquisitionError("The token provider returned an empty token")
        all_headers = {"Authorization": f"Bearer {token}", **(headers or {})}
        try:
            return await self._http.request(
                method, url, json=json, params=params, headers=all_headers
            )
        except httpx.TransportError as exc:
            raise GraphTransportError(0, "transport", type(exc).__name__) from exc


def _prefer_timezone(tz_name: str) -> dict[str, str]:
    return {"Prefer": f'outlook.timezone="{tz_name}"'}


def _event_path(user: str, event_id: str) -> str:
    return f"{user}/events/{quote(event_id, safe='')}"


def _json(response: httpx.Response) -> JSON:
    try:
        doc = response.json()
    except ValueError:
        raise GraphError(response.status_code, "invalidResponse", "Graph sent no JSON") from None
    if not isinstance(doc, dict):
        raise GraphError(response.status_code, "invalidResponse", "Graph sent no JSON object")
    return doc
