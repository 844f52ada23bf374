"""Fixtures for the identity tests (loaded via `pytest_plugins`): the Entra-like identity server
over HTTPS, a Graph emulator that verifies its tokens, and a bot configured with credentials.

Test modules import the helpers below before pytest sees their `pytest_plugins` line, so
assertion rewriting is off here (PYTEST_DONT_REWRITE) and helpers raise with messages.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestServer
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from bot.config import Settings, load_settings
from bot.conversation.commands import utcnow
from bot.runtime import build_runtime
from graph_emulator import EmulatorSettings, start_emulator
from graph_emulator.identity import (
    AppRegistration,
    IdentityServer,
    IdentitySettings,
    start_identity_server,
)
from tests.support.activities import TENANT
from tests.support.servers import BotUnderTest, Emulator

APP_ID = "5c1d6f2a-1111-4222-8333-944455556666"
#: A secret distinctive enough to search logs and cards for.
SECRET = "s3cr3t~Meeting-Bot~Do-Not-Log~8f2a"
OTHER_TENANT = "22222222-3333-4444-5555-666666666666"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"
CONNECTOR_SCOPE = "https://api.botframework.com/.default"


@pytest.fixture
def app_registration() -> AppRegistration:
    """The bot's app registration as the tenant admin set it up; tests override fields."""
    return AppRegistration(APP_ID, TENANT, secrets=(SECRET,))


@pytest.fixture
def token_lifetime() -> int:
    """Seconds the identity server's tokens live; msal renews those due within 5 minutes."""
    return 3600


@pytest.fixture
def identity(
    tmp_path: Path, app_registration: AppRegistration, token_lifetime: int
) -> Iterator[IdentityServer]:
    settings = IdentitySettings(
        apps=(app_registration,),
        extra_tenants=(OTHER_TENANT,),
        token_lifetime_seconds=token_lifetime,
    )
    server = start_identity_server(settings, tmp_path / "identity-tls")
    # botframework-connector caches each metadata URL's keys for the whole process: a new
    # server on a port an earlier test's server had would otherwise meet that server's keys
    JwtTokenExtractor.metadataCache.clear()
    yield server
    server.close()


@pytest.fixture
def trusted_ca(identity: IdentityServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    """botframework-connector fetches the channel's OpenID metadata with plain `requests`, whose
    only trust knob is REQUESTS_CA_BUNDLE: point it at the identity server's CA."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(identity.ca_path))
    return identity.ca_path


@pytest.fixture
def users_without_policy() -> frozenset[str]:
    return frozenset()


@pytest.fixture
async def secure_emulator(
    identity: IdentityServer, tmp_path: Path, users_without_policy: frozenset[str]
) -> AsyncIterator[Emulator]:
    """A Graph emulator that accepts only tokens signed by the identity server."""
    running = await start_emulator(
        EmulatorSettings(
            db_path=str(tmp_path / "secure-graph.sqlite3"),
            jwks=identity.graph_jwks(),
            token_issuer=identity.graph_issuer_template,
            users_without_access_policy=users_without_policy,
        )
    )
    async with httpx.AsyncClient(base_url=running.control_url) as control:
        yield Emulator(running, control)
    await running.close()


def bot_env(
    identity: IdentityServer, graph: Emulator, tmp_path: Path, **overrides: str
) -> dict[str, str]:
    """Environment for a bot with credentials whose Entra and Graph are the local servers."""
    env = {
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": SECRET,
        "MicrosoftAppTenantId": TENANT,
        "AUTHORITY_HOST": identity.base_url,
        "AUTHORITY_CA_BUNDLE": str(identity.ca_path),
        "BOT_OPENID_METADATA_URL": identity.bot_openid_metadata_url,
        "GRAPH_BASE_URL": graph.base_url,
        "GRAPH_MAX_RETRIES": "0",
        "LOCAL_MODE": "false",
        "BOT_DB": str(tmp_path / "bot.sqlite3"),
        "DEFAULT_TIMEZONE": "UTC",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value != ""}


@dataclass
class SignedBot(BotUnderTest):
    """A bot under test plus the identity server that signs what the channel sends it."""

    identity: IdentityServer

    async def send(self, activity: dict[str, Any], **token: Any) -> httpx.Response:
        """POST the activity with a valid channel token (options change its claims)."""
        bearer = self.identity.channel_token(APP_ID, activity["serviceUrl"], **token)
        return await self.post(activity, Authorization=f"Bearer {bearer}")


@asynccontextmanager
async def running_bot(
    settings: Settings, identity: IdentityServer, clock: Callable[[], datetime] | None = None
) -> AsyncIterator[SignedBot]:
    runtime = build_runtime(settings, join_link_waits=(0.05, 0.1), clock=clock or utcnow)
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    try:
        async with httpx.AsyncClient(timeout=20) as http:
            yield SignedBot(str(server.make_url("")).rstrip("/"), http, identity)
    finally:
        await server.close()


@pytest.fixture
async def signed_bot(
    identity: IdentityServer, secure_emulator: Emulator, trusted_ca: Path, tmp_path: Path
) -> AsyncIterator[SignedBot]:
    """A bot that checks inbound tokens, with its own app id, Graph = the secure emulator."""
    settings = settings_from(bot_env(identity, secure_emulator, tmp_path))
    async with running_bot(settings, identity) as bot:
        yield bot


def settings_from(env: Mapping[str, str]) -> Settings:
    return load_settings(dict(env))


def token_calls(identity: IdentityServer, scope: str, grant: str = "") -> list[dict[str, Any]]:
    return [
        call
        for call in identity.token_requests()
        if scope in call["scope"].split() and (not grant or call["grantType"] == grant)
    ]


def graph_headers(
    identity: IdentityServer, oid: str, scp: str, tid: str = TENANT
) -> dict[str, str]:
    """A delegated Graph token for `oid` as Entra would issue it, for reading back from Graph."""
    now = int(time.time())
    claims = {
        "iss": identity.graph_issuer_template.format(tid=tid),
        "aud": "https://graph.microsoft.com",
        "tid": tid,
        "oid": oid,
        "scp": scp,
        "iat": now,
        "exp": now + 600,
    }
    return {"Authorization": f"Bearer {identity.entra_key.sign(claims)}"}
