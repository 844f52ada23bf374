"""Microsoft Graph over httpx: one AsyncClient per process, bounded retries, typed errors, at
most four requests in flight per mailbox."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from bot.graph import deadline
from bot.graph.aiohttp_transport import AiohttpTransport
from bot.graph.auth import TokenAcquisitionError, TokenProvider
from bot.graph.calendar_calls import JSON, CalendarCalls, graph_json
from bot.graph.directory import USER_SELECT, DirectoryUser, address_filter
from bot.graph.errors import (
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphTransportError,
    error_from_response,
    may_have_acted,
)
from bot.graph.ids import path_segment
from bot.graph.retry import RetryPolicy
from bot.graph.slots import MailboxSlots, mailbox_of
from bot.graph.wire import Wire
from bot.observability import Telemetry

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
#: No connection was made, so the request never reached Graph.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_USER_PATH = re.compile(r"^/?(users/[^/?]+|me)(?:/(?P<segment>[^/?]+))?", re.IGNORECASE)


#: Graph answers evolvable enum members (e.g. lobby scope "invited") only to clients that ask.
ALL_ENUM_MEMBERS = {"Prefer": "include-unknown-enum-members"}


class GraphClient(CalendarCalls):
    """Thin, typed access to the Graph calls the bot makes. `_send` moves bytes,
    `_checked` maps statuses to GraphError (bot/graph/errors.py), and `request` retries as
    RetryPolicy (bot/graph/retry.py) says. `_send` also keeps each mailbox under Outlook's
    concurrency limit (bot/graph/slots.py)."""

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
        mailbox_slots: MailboxSlots | None = None,
        telemetry: Telemetry | None = None,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._telemetry = telemetry or Telemetry()
        self._tokens = tokens
        self._retry = RetryPolicy(max_retries, backoff_base, max_delay)
        self._sleep = sleep
        self._seconds = timeout
        self._timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))
        self._mailboxes = mailbox_slots or MailboxSlots()
        own = AiohttpTransport(verify) if http is None else None
        self._http = http or httpx.AsyncClient(
            timeout=self._timeout,
            headers={"Accept": "application/json", "User-Agent": "teams-meeting-bot/0.1"},
            transport=own,  # httpx's API, aiohttp's bytes (see there)
        )
        self._wire = Wire(self._http, own)  # our own client's requests, cheaply (see there)

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- the calls -------------------------------------------------------------------------

    async def create_or_get_online_meeting(self, user: str, body: JSON) -> tuple[JSON, bool]:
        """POST {user}/onlineMeetings/createOrGet; returns (meeting, created?)."""
        response = await self.request(
            "POST", f"{user}/onlineMeetings/createOrGet", json=body, idempotent=True
        )
        return graph_json(response), response.status_code == 201

    async def get_online_meeting(self, user: str, meeting_id: str) -> JSON:
        response = await self.request("GET", _meeting_path(user, meeting_id))
        return graph_json(response)

    async def find_online_meeting_by_join_url(self, user: str, join_url: str) -> JSON | None:
        """An event's Teams meeting, by its join link (evolvable enum values included)."""
        escaped = join_url.replace("'", "''")
        response = await self.request(
            "GET",
            f"{user}/onlineMeetings",
            params={"$filter": f"JoinWebUrl eq '{escaped}'"},
            headers=ALL_ENUM_MEMBERS,
        )
        values = graph_json(response).get("value") or []
        return values[0] if values else None

    async def update_online_meeting(self, user: str, meeting_id: str, patch: JSON) -> JSON:
        """PATCH; opted in to evolvable enum members (lobbyBypassSettings.scope "invited")."""
        response = await self.request(
            "PATCH", _meeting_path(user, meeting_id), json=patch, headers=ALL_ENUM_MEMBERS
        )
        return graph_json(response)

    async def delete_online_meeting(self, user: str, meeting_id: str) -> None:
        await self.request("DELETE", _meeting_path(user, meeting_id))

    # --- the directory ---------------------------------------------------------------------

    async def get_user(self, user_id: str) -> DirectoryUser:
        """GET /users/{id or userPrincipalName} (User.ReadBasic.All); "me": the signed-in user."""
        path = "me" if user_id == "me" else f"users/{quote(user_id, safe='@')}"
        response = await self.request("GET", path, params={"$select": USER_SELECT})
        return DirectoryUser.from_graph(graph_json(response))

    async def find_user(self, address: str) -> DirectoryUser | None:
        """The one user whose mail or userPrincipalName is `address`, else None."""
        params = {"$filter": address_filter(address), "$select": USER_SELECT, "$top": "2"}
        values = graph_json(await self.request("GET", "users", params=params)).get("value") or []
        found = [DirectoryUser.from_graph(v) for v in values if isinstance(v, dict)]
        return found[0] if len(found) == 1 else None

    # --- transport, status mapping and retries, each on its own --------------------------

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
        """Send one Graph request, retrying what the policy says is worth it, inside the
        current deadline; raise GraphError. A POST is `idempotent` only when the caller says
        so (a create carrying its externalId or transactionId): then a timeout or 5xx is
        retried with the same request instead of guessed about."""
        url = f"{self._base}/{path.lstrip('/')}"
        repeatable = method != "POST" if idempotent is None else idempotent
        with self._telemetry.graph_call(method, path):
            return await self._attempts(method, path, url, json, params, headers, repeatable)

    async def _attempts(
        self,
        method: str,
        path: str,
        url: str,
        json: JSON | None,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        repeatable: bool,
    ) -> httpx.Response:
        limit, attempt, maybe_done = deadline.current(), 0, False
        while True:
            try:
                response = await self._checked(method, url, json, params, headers, limit)
                self._telemetry.graph_answered(method, path, response.status_code)
                return response
            except GraphError as error:
                error.path, error.method = path, method
                self._telemetry.graph_answered(method, path, error.status)
                maybe_done = maybe_done or may_have_acted(error)
                error.maybe_done = maybe_done and method != "GET"
                remaining = limit.remaining() if limit is not None else None
                wait = self._retry.delay(attempt, error, idempotent=repeatable, remaining=remaining)
                if wait is None:
                    await self._note_user_type(error)
                    raise
                log.info(
                    "Graph %s %s: %s; retry %d in %.2fs",
                    method,
                    path,
                    error.status or error.message,
                    attempt + 1,
                    wait,
                )
            await (limit.timer.sleep(wait) if limit is not None else self._sleep(wait))
            attempt += 1

    async def _checked(
        self,
        method: str,
        url: str,
        json: JSON | None,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        limit: deadline.Deadline | None = None,
    ) -> httpx.Response:
        """One attempt: a 2xx/3xx response, or the GraphError its status maps to."""
        response = await self._send(method, url, json, params, headers, limit)
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
        limit: deadline.Deadline | None = None,
    ) -> httpx.Response:
        """Move the bytes: a response of any status, or GraphTransportError when none came.
        Inside a deadline the attempt's timeout is cut to what is left of it."""
        timeout = self._timeout
        if limit is not None:
            left = limit.remaining()
            if left <= 0:
                raise GraphTransportError(0, "deadline", "no time left to call Graph", sent=False)
            timeout = httpx.Timeout(min(self._seconds, left), connect=min(self._seconds, left, 5.0))
        token = await self._tokens.get_token()
        if not token:
            raise TokenAcquisitionError("The token provider returned an empty token")
        all_headers = {"Authorization": f"Bearer {token}", **(headers or {})}
        mailbox = mailbox_of(url.removeprefix(self._base), token)
        try:
            async with self._mailboxes.hold(mailbox):
                return await self._wire.send(
                    method, url, json=json, params=params, headers=all_headers, timeouts=timeout
                )
        except httpx.TransportError as exc:
            sent = not isinstance(exc, NOT_SENT)
            raise GraphTransportError(0, "transport", type(exc).__name__, sent=sent) from exc

    async def _note_user_type(self, error: GraphError) -> None:
        """Graph's answer does not say the user is a guest, and it matters (a wordless 403 on
        onlineMeetings, no mailbox): ask the directory, once; a failed look-up leaves it unsaid."""
        match = _USER_PATH.match(error.path)
        segment = (match.group("segment") or "").lower() if match else ""
        wordless = isinstance(error, GraphForbidden) and error.wordless
        depends = (wordless and segment == "onlinemeetings") or (
            isinstance(error, GraphNotFound) and error.no_mailbox
        )
        if match is None or not depends:
            return
        url = f"{self._base}/{match.group(1)}"
        try:
            response = await self._checked("GET", url, None, {"$select": "userType"}, None)
            error.user_type = str(graph_json(response).get("userType") or "")
        except (GraphError, TokenAcquisitionError) as lookup:
            log.info("Could not read the userType of %s: %s", match.group(1), lookup)


def _meeting_path(user: str, meeting_id: str) -> str:
    return f"{user}/onlineMeetings/{path_segment(meeting_id)}"
