"""Wire settings, Graph client, service, handler and web app together; run them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from aiohttp import web

from bot.collector import freeze_long_lived, resume_after_start_up
from bot.config import GraphAuthMode, Settings
from bot.conversation.background import Background
from bot.conversation.budget import HARD_STOP_GRACE, Budgets, TurnBudget
from bot.conversation.commands import CommandRunner, utcnow
from bot.conversation.dispatch import Conversation
from bot.conversation.failures import Deployment
from bot.conversation.finding import TimeFinding
from bot.conversation.gates import Middleware, TenantGate, acting_as_sender
from bot.conversation.notices import NoticeSettings
from bot.conversation.reconcile import Reconciler
from bot.conversation.references import remember_reference
from bot.conversation.verbs import CardVerbs
from bot.graph.auth import StaticTokenProvider, TokenProvider
from bot.graph.client import GraphClient
from bot.graph.deadline import REAL_TIME, Timer
from bot.identity.tokens import AppTokenProvider, DelegatedTokenProvider
from bot.jobs import JobRunner
from bot.jobs.wiring import job_runner
from bot.meetings.agenda import DailyAgenda
from bot.meetings.reminders import Reminders
from bot.meetings.service import MeetingService
from bot.observability import Telemetry
from bot.observability.tracing import start_tracing
from bot.parsing.warm import warm_up
from bot.storage import Store, describe_store, store_for
from bot.transport.app import close_adapter, create_adapter, create_app
from bot.transport.handler import MeetingBot
from bot.transport.proactive import ConnectorOutbox

if TYPE_CHECKING:  # msal comes with these: imported only when there are credentials
    from bot.identity.entra import Entra
    from bot.identity.sso import SsoService

log = logging.getLogger(__name__)

#: Seconds after start-up before the parser's warm-up (then it waits for no turn running).
WARM_UP_AFTER = 0.5


@dataclass(eq=False)  # one per running bot: compared by identity
class BotRuntime:
    """The running bot's parts, for `serve` and the tests to start and stop."""

    app: web.Application
    graph: GraphClient
    store: Store  # opened (and migrated) when the app starts, closed with it
    jobs: JobRunner  # started with the app (every JOB_POLL_SECONDS), stopped with it
    telemetry: Telemetry
    background: Background  # turns that outlive their HTTP answer, and the reconciler
    reconciler: Reconciler
    close_connectors: Callable[[], Awaitable[None]]  # the adapter's pooled clients, last


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


def _single_sign_on(settings: Settings, entra: Entra | None, store: Store) -> SsoService | None:
    if settings.local or entra is None or settings.graph_auth is not GraphAuthMode.DELEGATED:
        return None
    from bot.identity.sso import SsoService
    from bot.identity.token_cache import TokenCacheStore

    key = settings.identity.token_cache_key.encode() or entra.credential.key_material()
    return SsoService(settings, entra, TokenCacheStore(store, key))


def build_conversation(
    settings: Settings,
    service: MeetingService,
    storage: Store,
    sso: SsoService | None,
    clock: Callable[[], datetime],
    notices: NoticeSettings | None = None,
    budget: Middleware | None = None,
) -> Conversation:
    """Typed commands and card verbs behind the gates: tenant, the turn's time budget,
    remembering where to post, acting-as, then sign-in. A poll's votes go to `storage`, the
    database every replica shares."""
    deployment = Deployment(settings.app_id, settings.graph_auth is GraphAuthMode.DELEGATED)
    app_only = settings.graph_auth is GraphAuthMode.APP
    finding = TimeFinding(
        service, storage, clock, settings.default_duration, books_for_creator=app_only
    )
    runner = CommandRunner(
        service,
        default_duration=settings.default_duration,
        clock=clock,
        deployment=deployment,
        notices=notices,
        finder=finding,
    )
    gates: list[Middleware] = [
        TenantGate(settings.tenant_allowlist, teams_only=bool(settings.app_id)),
        *([budget] if budget is not None else []),
        remember_reference(storage),
        acting_as_sender,
    ]
    if sso is not None:  # the sign-in gate's modules only when single sign-on is configured
        from bot.conversation.pending import PendingCommands
        from bot.conversation.sign_in import SignInGate

        gates.append(SignInGate(sso, PendingCommands(storage, clock), settings.app_id))
    verbs = CardVerbs(runner, storage, finding=finding)
    return Conversation(runner, verbs, gates)


def build_runtime(
    settings: Settings,
    *,
    tokens: TokenProvider | None = None,
    clock: Callable[[], datetime] = utcnow,
    join_link_waits: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0),
    store: Store | None = None,
    timer: Timer = REAL_TIME,
) -> BotRuntime:
    """The bot's web app, its one Graph client and its store (the configured one unless given:
    then the caller closes it), opened when the app starts and closed together on shutdown;
    `timer` is the clock of Graph's deadlines and waits (tests make long waits short)."""
    entra = None
    if settings.app_id:
        from bot.identity.entra import Entra

        entra = Entra(settings)
    storage = store or store_for(settings)
    sso = _single_sign_on(settings, entra, storage)
    telemetry = Telemetry(
        provider=start_tracing(settings.jobs.otlp_endpoint, settings.jobs.service_name)
    )
    graph = _graph_client(settings, tokens or token_provider(settings, entra, sso), telemetry)
    reminders = Reminders(storage, settings.jobs.reminder_minutes, clock)
    agenda = DailyAgenda(storage, clock)
    service = MeetingService(
        graph, storage, settings.graph_auth, join_link_waits=join_link_waits, reminders=reminders
    )
    adapter = create_adapter(settings, entra)
    outbox = ConnectorOutbox(adapter, settings.app_id)
    background = Background()
    budget = TurnBudget(
        background, outbox, Budgets(settings.turn_budget, settings.background_budget), timer
    )
    notices = NoticeSettings(storage, reminders, agenda, clock)
    conversation = build_conversation(settings, service, storage, sso, clock, notices, budget)
    bot = MeetingBot(conversation, settings.default_zone, telemetry)
    app = create_app(adapter, bot, ready=storage.ready, auth_required=entra is not None)
    app.router.add_get("/metrics", telemetry.metrics.handle)
    reconciler = _reconciler(settings, service, storage, outbox, clock)
    jobs = job_runner(settings, storage, outbox, service, agenda, clock, telemetry)
    closer = partial(close_adapter, adapter)
    runtime = BotRuntime(app, graph, storage, jobs, telemetry, background, reconciler, closer)
    _open_and_close(runtime, close_store=store is None, entra=entra)
    return runtime


def _graph_client(settings: Settings, tokens: TokenProvider, telemetry: Telemetry) -> GraphClient:
    return GraphClient(
        settings.graph_base_url,
        tokens,
        timeout=settings.graph_timeout,
        max_retries=settings.graph_max_retries,
        telemetry=telemetry,
    )


def _reconciler(
    settings: Settings,
    service: MeetingService,
    storage: Store,
    outbox: ConnectorOutbox,
    clock: Callable[[], datetime],
) -> Reconciler:
    """Settles intents older than any turn could still be working on (its budget and grace)."""
    after = timedelta(seconds=max(60.0, settings.background_budget + 2 * HARD_STOP_GRACE))
    return Reconciler(
        service, storage, outbox, clock, after=after, budget=settings.background_budget
    )


def _open_and_close(runtime: BotRuntime, *, close_store: bool, entra: Entra | None) -> None:
    """At start: migrate the store, reconcile what a crash left, then run jobs. At the end:
    jobs stop, and late results are posted, before what they use closes."""
    storage, jobs, background = runtime.store, runtime.jobs, runtime.background

    async def open_storage(_: web.Application) -> None:
        upgrade = await storage.open()  # migrations, under a lock; a newer schema is refused
        if upgrade.before != upgrade.after:
            log.warning("Storage schema upgraded: version %d -> %d", upgrade.before, upgrade.after)
        background.loop(runtime.reconciler.run(), "reconciler")  # first: what a crash left
        background.loop(_after_start_up(background), "parser warm-up")
        jobs.start()

    async def stop_jobs(_: web.Application) -> None:
        await jobs.stop()

    async def close_graph(_: web.Application) -> None:
        await background.close()  # late results are posted before Graph and storage close
        runtime.telemetry.shutdown()
        await runtime.graph.aclose()
        if close_store:
            await storage.aclose()
        if entra is not None:
            entra.close()
        await runtime.close_connectors()  # last: late results above still reply through it

    runtime.app.on_startup.append(open_storage)
    runtime.app.on_shutdown.append(stop_jobs)
    runtime.app.on_cleanup.append(close_graph)


async def _warm_parser(background: Background) -> None:
    """The grammar compiled in a thread, so a replica's later first messages in each language
    do not wait for it; a failure here costs only that wait, so it is logged, never raised.

    It starts once start-up has settled and no turn is running: compiling every language
    takes a few hundred milliseconds of CPU, and a message that arrives as the port opens
    (a replica restarted in a busy tenant) would otherwise share the interpreter with all of
    it instead of compiling just the words it needs."""
    await asyncio.sleep(WARM_UP_AFTER)
    await background.idle()
    try:
        await asyncio.to_thread(warm_up)
    except Exception:
        log.exception("Parser warm-up failed; the grammar compiles on first use instead")


async def _after_start_up(background: Background) -> None:
    """Once start-up has settled: the parser's warm-up, then what start-up made set aside."""
    await _warm_parser(background)
    freeze_long_lived()


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
    lines.append(describe_store(settings))
    lines.append(f"Bot endpoint: http://{settings.host}:{settings.port}/api/messages")
    return lines


async def serve(settings: Settings, ready: asyncio.Event | None = None) -> None:
    """Run the bot (and, in local mode, the emulator) until cancelled; `ready` is set once it
    listens (what `make run` waits for before starting the playground)."""
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
    resume_after_start_up()  # the collector, if `meeting-bot serve` paused it for start-up
    await site.start()
    for line in describe_startup(settings):
        log.warning(line)
    if ready is not None:
        ready.set()
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        if emulator is not None:
            await emulator.close()
