"""The aiohttp web app: POST /api/messages (Bot Framework, bodies checked first), GET /healthz
(alive) and GET /readyz (able to serve: storage answers and is migrated)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web
from botbuilder.core import Bot, CloudAdapterBase

from bot.config import Settings
from bot.transport.adapter import Adapter
from bot.transport.connectors import PooledConnectors
from bot.transport.handler import on_turn_error
from bot.transport.inbound import inbound_authentication
from bot.transport.messages import handle_messages

if TYPE_CHECKING:
    from bot.identity.entra import Entra

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
READY_TIMEOUT_SECONDS = 3.0
Readiness = Callable[[], Awaitable[str | None]]


def create_adapter(settings: Settings, entra: Entra | None = None) -> Adapter:
    """An adapter that validates callers whenever an app id is configured (`entra`),
    replying through connector clients kept across turns (bot/transport/connectors.py), on
    turn contexts that leave no reference cycles (bot/transport/adapter.py)."""
    authentication = inbound_authentication(settings, entra)
    token_service = settings.identity.token_service_url
    adapter = Adapter(PooledConnectors(authentication, token_service=token_service))
    adapter.on_turn_error = on_turn_error
    return adapter


async def _not_ready(ready: Readiness | None) -> str | None:
    if ready is None:
        return None
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS):
            return await ready()
    except TimeoutError:
        return f"storage did not answer within {READY_TIMEOUT_SECONDS:g} s"


def create_app(
    adapter: CloudAdapterBase,
    bot: Bot,
    ready: Readiness | None = None,
    *,
    auth_required: bool = False,
) -> web.Application:
    """`ready` says why the bot cannot serve (storage unreachable or not migrated), or None;
    `auth_required` (an app id is configured) makes a request without a token a 401 at once."""

    async def messages(request: web.Request) -> web.StreamResponse:
        return await handle_messages(request, adapter, bot, auth_required=auth_required)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})  # alive; /readyz says whether it can serve

    async def readyz(_: web.Request) -> web.Response:
        reason = await _not_ready(ready)
        if reason:
            return web.json_response({"status": "unavailable", "reason": reason}, status=503)
        return web.json_response({"status": "ready"})

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    return app


async def close_adapter(adapter: CloudAdapterBase) -> None:
    """Close the connections of the adapter's kept connector clients; the composition root
    does it last, after late results and jobs have been posted."""
    pool = adapter.bot_framework_authentication
    if isinstance(pool, PooledConnectors):
        await pool.aclose()
