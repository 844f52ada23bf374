"""The aiohttp web app: POST /api/messages (Bot Framework, bodies checked first), GET /healthz."""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web
from botbuilder.core import Bot
from botbuilder.integration.aiohttp import CloudAdapter

from bot.config import Settings
from bot.identity.entra import Entra
from bot.transport.handler import on_turn_error
from bot.transport.inbound import inbound_authentication

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024


def create_adapter(settings: Settings, entra: Entra | None = None) -> CloudAdapter:
    """A CloudAdapter that validates callers whenever an app id is configured (`entra`)."""
    adapter = CloudAdapter(inbound_authentication(settings, entra))
    adapter.on_turn_error = on_turn_error
    return adapter


def _bad_request(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


async def _read_activity(request: web.Request) -> dict[str, Any] | web.Response:
    if "application/json" not in request.headers.get("Content-Type", ""):
        return web.json_response({"error": "Content-Type must be application/json"}, status=415)
    try:
        body = json.loads(await request.read())
    except (ValueError, UnicodeDecodeError):
        return _bad_request("the body is not valid JSON")
    if not isinstance(body, dict):
        return _bad_request("the body must be a JSON object (a Bot Framework activity)")
    if not isinstance(body.get("type"), str) or not body["type"]:
        return _bad_request("the activity has no type")
    for key in ("conversation", "from", "recipient"):
        if key in body and not isinstance(body[key], dict):
            return _bad_request(f"the activity's {key!r} must be an object")
    if body["type"] in ("message", "invoke") and not isinstance(body.get("serviceUrl"), str):
        return _bad_request("the activity has no serviceUrl to reply to")
    return body


def create_app(adapter: CloudAdapter, bot: Bot) -> web.Application:
    async def messages(request: web.Request) -> web.StreamResponse:
        checked = await _read_activity(request)
        if isinstance(checked, web.Response):
            return checked
        response = await adapter.process(request, bot)
        return response if response is not None else web.Response(status=201)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app
