"""Wire settings, Graph client, service, handler and web app together; run them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from bot.app import create_adapter, create_app
from bot.card_actions import CardActions
from bot.config import Settings
from bot.graph.auth import MsalAppTokenProvider, StaticTokenProvider, TokenProvider
from bot.graph.client import GraphClient
from bot.handler import MeetingBot
from bot.meetings import MeetingService
from bot.runner import CommandRunner, utcnow
from bot.storage import Storage

log = logging.getLogger(__name__)


@dataclass
class BotRuntime:
    app: web.Application
    graph: GraphClient


def token_provider(settings: Settings) -> TokenProvider:
    if settings.local:
        return StaticTokenProvider()
    return MsalAppTokenProvider(
        settings.app_id, settings.app_password, settings.app_tenant_id or "organizations"
    )


def build_runtime(
    settings: Settings,
    *,
    tokens: TokenProvider | None = None,
    clock: Callable[[], datetime] = utcnow,
    join_link_waits: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0),
) -> BotRuntime:
    """The bot's web app and its one Graph client, closed together on shutdown."""
    graph = GraphClient(
        settings.graph_base_url,
        tokens or token_provider(settings),
        timeout=settings.graph_timeout,
        max_retries=settings.graph_max_retries,
    )
    storage = Storage(settings.bot_db)
    service = MeetingService(graph, storage, settings.graph_auth, join_link_waits=join_link_waits)
    runner = CommandRunner(service, default_duration=settings.default_duration, clock=clock)
    bot = MeetingBot(runner, CardActions(runner, storage), settings.default_zone)
    app = create_app(create_adapter(settings), bot)

    async def close_graph(_: web.Application) -> None:
        await graph.aclose()
        storage.close()

    app.on_cleanup.append(close_graph)
    return BotRuntime(app=app, graph=graph)


def describe_startup(settings: Settings) -> list[str]:
    """What start-up says, plainly, about where Graph calls go and whether callers are checked."""
    lines = []
    if settings.local:
        lines.append(
            "LOCAL MODE: no MicrosoftAppId/MicrosoftAppPassword configured (or LOCAL_MODE=true); "
            f"Graph calls go to the embedded emulator at {settings.graph_base_url}."
        )
    else:
        lines.append(f"Graph: {settings.graph_base_url} ({settings.graph_auth.value} permissions).")
    if settings.app_id:
        lines.append(f"Inbound Bot Framework tokens are validated for app id {settings.app_id}.")
    else:
        lines.append("Inbound authentication is OFF: no MicrosoftAppId is configured.")
    lines.append(f"Bot endpoint: http://{settings.host}:{settings.port}/api/messages")
    return lines


async def serve(settings: Settings) -> None:
    """Run the bot (and, in local mode, the emulator) until cancelled."""
    from dataclasses import replace

    emulator = None
    if settings.local:
        from bot.graph.emulator import EmulatorSettings, start_emulator

        settings.emulator_db.parent.mkdir(parents=True, exist_ok=True)
        emulator = await start_emulator(
            EmulatorSettings(db_path=str(settings.emulator_db)),
            host=settings.emulator_host,
            port=settings.emulator_port,
        )
        settings = replace(settings, graph_base_url=emulator.base_url)
    runtime = build_runtime(settings)
    runner = web.AppRunner(runtime.app)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    for line in describe_startup(settings):
        log.warning(line)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        if emulator is not None:
            await emulator.close()
