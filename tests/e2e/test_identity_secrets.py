"""Sign-in failures are explained without ever showing a secret or a token."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from graph_emulator import EmulatorSettings, start_emulator
from graph_emulator.identity import IdentityServer, SigningKey
from tests.support.activities import message
from tests.support.cardtext import card_text
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import (
    GRAPH_SCOPE,
    SECRET,
    bot_env,
    running_bot,
    settings_from,
    token_calls,
)
from tests.support.servers import Emulator

pytest_plugins = ["tests.support.identity_fixtures"]

WRONG_SECRET = "wr0ng~Secret~Pasted-From-The-Wrong-App~77c1"
UNKNOWN_TENANT = "33333333-4444-5555-6666-777777777777"


def assert_nothing_leaks(
    caplog: pytest.LogCaptureFixture, capture: ConnectorCapture, *texts: str
) -> None:
    logged = [f"{r.name}: {r.getMessage()}" for r in caplog.records] + caplog.text.splitlines()
    sent = [str(call.body) for call in capture.calls + capture.unexpected]
    for secret in (SECRET, WRONG_SECRET, "eyJ0eX", "eyJhbG"):  # how JWT headers start
        for where, lines in (("log", logged), ("connector", sent), ("reply", list(texts))):
            leaks = [line for line in lines if secret in line]
            assert leaks == [], f"{secret[:6]}... in the {where}: {leaks[:3]}"


async def test_a_wrong_secret_is_logged_as_msals_error_without_the_secret(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    capture, service_url = connector
    env = bot_env(identity, secure_emulator, tmp_path, MicrosoftAppPassword=WRONG_SECRET)

    async with running_bot(settings_from(env), identity) as bot:
        response = await bot.send(message("meet now", service_url))

    assert_nothing_leaks(caplog, capture, response.text)
    assert "invalid_client (AADSTS7000215)" in caplog.text
    assert {c["status"] for c in token_calls(identity, GRAPH_SCOPE)} == {401}
    assert await secure_emulator.requests() == []


@pytest.fixture
async def untrusting_graph(tmp_path: Path) -> AsyncIterator[Emulator]:
    """A Graph that trusts some other identity provider's keys, so it rejects our tokens."""
    running = await start_emulator(
        EmulatorSettings(
            db_path=str(tmp_path / "other.sqlite3"), jwks={"keys": [SigningKey().public_jwk()]}
        )
    )
    async with httpx.AsyncClient(base_url=running.control_url) as control:
        yield Emulator(running, control)
    await running.close()


async def test_graph_rejecting_the_token_gives_a_sign_in_card_and_a_clean_log(
    identity: IdentityServer,
    untrusting_graph: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    capture, service_url = connector
    settings = settings_from(bot_env(identity, untrusting_graph, tmp_path))

    async with running_bot(settings, identity) as bot:
        await bot.send(message("meet now", service_url))

    [card] = capture.cards()
    assert "could not sign in to Microsoft Graph" in card_text(card)
    assert [c["status"] for c in await untrusting_graph.graph_calls("createOrGet")] == [401]
    assert "Graph 401" in caplog.text
    assert_nothing_leaks(caplog, capture, card_text(card))


async def test_a_token_failure_for_one_tenant_still_answers_with_a_card(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A tenant Entra does not know (never consented): Graph token fails, the reply does not."""
    capture, service_url = connector
    env = bot_env(identity, secure_emulator, tmp_path, ALLOWED_TENANTS="*")
    activity = message("meet now", service_url)
    activity["channelData"] = {"tenant": {"id": UNKNOWN_TENANT}}

    async with running_bot(settings_from(env), identity) as bot:
        await bot.send(activity)

    [card] = capture.cards()
    assert "could not sign in to Microsoft Graph" in card_text(card)
    assert "msal error invalid_authority" in caplog.text
    assert await secure_emulator.requests() == []
    assert_nothing_leaks(caplog, capture, card_text(card))
