"""Wire settings, Graph client, service, handler and web app together; run them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from bot.config import GraphAuthMode, Settings
from bot.conversation.commands import CommandRunner, utcnow
from bot.conversation.dispatch import Conversation
from bot.conversation.failures import Deployment
from bot.conversation.gates import Middleware, SignInGate, TenantGate, acting_as_sender
from bot.conversation.planning import Planning
from bot.conversation.polls import PollVerbs
from bot.conversation.verbs import CardVerbs
from bot.graph.auth import StaticTokenProvider, TokenProvider
from bot.graph.client import GraphClient
from bot.identity.entra import Entra
from bot.identity.sso import SsoService
from bot.identity.token_cache import TokenCacheStore
from bot.identity.tokens import AppTokenProvider, DelegatedTokenProvider
from bot.meetings.polls import PollStore, SqlitePollStore
from bot.meetings.service import MeetingService
from bot.meetings.store import Storage
from bot.transport.app import create_adapter, create_app
from bot.transport.handler import MeetingBot

log = logging.getLogger(__name__)


@dataclass
class BotRuntime:
    app: web.Application
    graph: GraphClient


def token_provider(
    settings: Settings, entra: Entra | None, sso: SsoService | None = None
) -> TokenProvider:
    """Local mode: a fixed token for the emulator. Else msal: app-only tokens for the sender's
    tenant, or (delegated) the sender's own token from single sign-on."""
    if settings.local or entra is None:
        return StaticTokenProvider()
    if sso is not None:
        return DelegatedTokenProvider(sso)
    return AppTokenProvider(entra, settings.app_tenant_id or "organizations")


def _single_sign_on(settings: Settings, entra: Entra | None) -> SsoService | None:
    if settings.local or entra is None or settings.graph_auth is not GraphAuthMode.DELEGATED:
        return None
    key = settings.identity.token_cache_key.encode() or entra.credential.key_material()
    return SsoService(settings, entra, TokenCacheStore(settings.bot_db, key))


def build_conversation(
    settings: Settings,
    service: MeetingService,
    storage: Storage,
    sso: SsoService | None,
    clock: Callable[[], datetime],
    polls: PollStore | None = None,
) -> Conversation:
    """Typed commands and card verbs behind the gates: tenant, acting-as, then sign-in.
    Poll votes go to `polls` (in memory when not given, as in tests of one replica)."""
    deployment = Deployment(settings.app_id, settings.graph_auth is GraphAuthMode.DELEGATED)
    app_only = settings.graph_auth is GraphAuthMode.APP
    poll_verbs = PollVerbs(service, polls or SqlitePollStore(), clock, books_for_creator=app_only)
    planning = Planning(service, poll_verbs, clock, settings.default_duration)
    runner = CommandRunner(
        service,
        default_duration=settings.default_duration,
        clock=clock,
        deployment=deployment,
        finder=planning,
    )
    gates: list[Middleware] = [
        TenantGate(settings.tenant_allowlist, teams_only=bool(settings.app_id)),
        acting_as_sender,
    ]
    if sso is not None:
        gates.append(SignInGate(sso))
    return Conversation(runner, CardVerbs(runner, storage, planning, poll_verbs), gates)


def build_runtime(
    settings: Settings,
    *,
    tokens: TokenProvider | None = None,
    clock: Callable[[], datetime] = utcnow,
    join_link_waits: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0),
) -> BotRuntime:
    """The bot's web app and its one Graph client, closed together on shutdown."""
    entra = Entra(settings) if settings.app_id else None
    sso = _single_sign_on(settings, entra)
    graph = GraphClient(
        settings.graph_base_url,
        tokens or token_provider(settings, entra, sso),
        timeout=settings.graph_timeout,
        max_retries=settings.graph_max_retries,
    )
    storage = Storage(settings.bot_db)
    polls = SqlitePollStore(settings.bot_db)
    service = MeetingService(graph, storage, settings.graph_auth, join_link_waits=join_link_waits)
    conversation = build_conversation(settings, service, storage, sso, clock, polls)
    bot = MeetingBot(conversation, settings.default_zone)
    app = create_app(create_adapter(settings, entra), bot, auth_required=entra is not None)

    async def close_graph(_: web.Application) -> None:
        await graph.aclose()
        storage.close()
        polls.close()
        if sso is not None:
            sso.close()
        if entra is not None:
            entra.close()

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
        if settings.identity.bot_openid_metadata_url:
            lines.append(
                f"Inbound token keys come from {settings.identity.bot_openid_metadata_url} "
                f"(issuer {settings.identity.bot_token_issuer}), not the public Bot Framework."
            )
    else:
        lines.append("Inbound authentication is OFF: no MicrosoftAppId is configured.")
    allowed = settings.tenant_allowlist
    if allowed is not None:
        lines.append(f"Only these tenants may use the bot: {', '.join(sorted(allowed))}.")
    elif settings.has_app_credentials:
        lines.append("Every tenant may use the bot (ALLOWED_TENANTS=*).")
    else:
        lines.append("The tenant check is OFF (local mode, no credentials).")
    if settings.graph_auth is GraphAuthMode.DELEGATED and not settings.local:
        lines.append(f"Users sign in through Teams single sign-on ({settings.sso_resource}).")
    lines.append(f"Bot endpoint: http://{settings.host}:{settings.port}/api/messages")
    return lines


async def serve(settings: Settings) -> None:
    """Run the bot (and, in local mode, the emulator) until cancelled."""
    from dataclasses import replace

    emulator = None
    if settings.local:
        from graph_emulator import EmulatorSettings, start_emulator

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
