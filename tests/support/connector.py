"""A capture server standing in for the Bot Connector (the activity's serviceUrl) and, on the
same address, the Bot Framework token service (BOT_TOKEN_SERVICE_URL in the identity tests)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.support.token_service import TokenServiceDouble


@dataclass
class CapturedCall:
    method: str
    path: str
    body: Any
    headers: dict[str, str]


@dataclass
class ConnectorCapture:
    calls: list[CapturedCall] = field(default_factory=list)
    unexpected: list[CapturedCall] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)  # conversations the bot was removed from: 403
    token_service: TokenServiceDouble = field(default_factory=TokenServiceDouble)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def activities(self) -> list[dict[str, Any]]:
        """Activities the bot sent or updated, in order."""
        return [c.body for c in self.calls if isinstance(c.body, dict) and "type" in c.body]

    def cards(self) -> list[dict[str, Any]]:
        return [
            att["content"]
            for act in self.activities
            for att in act.get("attachments") or []
            if att.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]

    def app(self) -> web.Application:
        async def send(request: web.Request) -> web.Response:
            if request.match_info["conv"] in self.gone:
                error = {"error": {"code": "BotNotInConversationRoster", "message": "removed"}}
                return web.json_response(error, status=403)
            body = await request.json()
            self.calls.append(
                CapturedCall(request.method, request.path, body, dict(request.headers))
            )
            return web.json_response({"id": f"reply-{next(self._ids)}"})

        async def member(request: web.Request) -> web.Response:
            found = self.members.get(request.match_info["member"])
            if found is None:
                return web.json_response({"error": {"code": "MemberNotFound"}}, status=404)
            return web.json_response(found)

        async def paged_members(request: web.Request) -> web.Response:
            return web.json_response({"members": list(self.members.values())})

        async def catch_all(request: web.Request) -> web.Response:
            body = await request.text()
            self.unexpected.append(
                CapturedCall(request.method, request.path, body, dict(request.headers))
            )
            return web.json_response({"error": "unexpected call"}, status=404)

        app = web.Application()
        app.router.add_post("/v3/conversations/{conv}/activities/{reply_to}", send)
        app.router.add_post("/v3/conversations/{conv}/activities", send)
        app.router.add_put("/v3/conversations/{conv}/activities/{activity}", send)
        app.router.add_get("/v3/conversations/{conv}/members/{member}", member)
        app.router.add_get("/v3/conversations/{conv}/pagedmembers", paged_members)
        self.token_service.add_routes(app.router)
        app.router.add_route("*", "/{tail:.*}", catch_all)
        return app


async def start_connector() -> tuple[ConnectorCapture, TestServer]:
    capture = ConnectorCapture()
    server = TestServer(capture.app(), host="127.0.0.1")
    await server.start_server()
    return capture, server
