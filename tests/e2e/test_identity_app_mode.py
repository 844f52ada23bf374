"""App mode with real msal tokens: one token for many messages, a certificate instead of a
secret, and permission failures explained to the user (card) and the admin (log)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from graph_emulator.identity import (
    GRAPH_APP_ROLES,
    AppRegistration,
    IdentityServer,
    make_app_certificate,
)
from tests.support.activities import USER_AAD, message
from tests.support.cardtext import card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import (
    CONNECTOR_SCOPE,
    GRAPH_SCOPE,
    bot_env,
    running_bot,
    settings_from,
    token_calls,
)
from tests.support.servers import Emulator

pytest_plugins = ["tests.support.identity_fixtures"]


async def test_many_messages_cost_one_graph_token_and_one_connector_token(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    settings = settings_from(bot_env(identity, secure_emulator, tmp_path))

    async with running_bot(settings, identity) as bot:
        for n in range(4):
            await bot.send(message(f"meet now Sync {n}", service_url))

    assert len([c for c in capture.cards() if join_urls(c)]) == 4
    assert len(token_calls(identity, GRAPH_SCOPE, "client_credentials")) == 1
    assert len(token_calls(identity, CONNECTOR_SCOPE, "client_credentials")) == 1
    organizers = {c["path"].split("/")[3] for c in await secure_emulator.graph_calls("createOrGet")}
    assert organizers == {USER_AAD}


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, str, str]:
    made = make_app_certificate(tmp_path / "bot-cert.pem")
    return made.pem_path, made.certificate_pem, made.sha1_thumbprint


@pytest.fixture
def granted_roles() -> frozenset[str]:
    return GRAPH_APP_ROLES


@pytest.fixture
def app_registration(
    app_registration: AppRegistration,
    certificate: tuple[Path, str, str],
    granted_roles: frozenset[str],
) -> AppRegistration:
    """The same app, with the certificate uploaded next to its secret, and `granted_roles`."""
    return replace(app_registration, certificates=(certificate[1],), app_roles=granted_roles)


async def test_a_certificate_credential_works_without_any_secret(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    certificate: tuple[Path, str, str],
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    path, _, thumbprint = certificate
    env = bot_env(
        identity,
        secure_emulator,
        tmp_path,
        MicrosoftAppPassword="",
        MicrosoftAppCertificatePath=str(path),
        MicrosoftAppCertificateThumbprint=thumbprint,
    )

    async with running_bot(settings_from(env), identity) as bot:
        await bot.send(message("meet now Certified", service_url))

    [card] = capture.cards()
    assert join_urls(card)
    assert [c["status"] for c in token_calls(identity, GRAPH_SCOPE)] == [200]


async def meet_now_once(
    identity: IdentityServer,
    emulator: Emulator,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
) -> tuple[Settings, dict[str, Any]]:
    """One `meet now` through a bot configured for app-only tokens; its settings and card."""
    capture, service_url = connector
    settings = settings_from(bot_env(identity, emulator, tmp_path))
    async with running_bot(settings, identity) as bot:
        await bot.send(message("meet now", service_url))
    [card] = capture.cards()
    return settings, card


@pytest.mark.parametrize("users_without_policy", [frozenset({USER_AAD})])
async def test_a_missing_access_policy_tells_the_user_and_gives_the_admin_the_cmdlets(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings, card = await meet_now_once(identity, secure_emulator, tmp_path, connector)
    assert "administrator must finish set-up" in card_text(card)
    assert not join_urls(card)
    [hint] = [r.getMessage() for r in caplog.records if r.name == "bot.conversation.failures"]
    assert "New-CsApplicationAccessPolicy -Identity MeetingBot-Policy" in hint
    assert f'-AppIds "{settings.app_id}"' in hint
    assert (
        f'Grant-CsApplicationAccessPolicy -PolicyName MeetingBot-Policy -Identity "{USER_AAD}"'
        in (hint)
    )


@pytest.mark.parametrize("granted_roles", [frozenset({"Calendars.ReadWrite"})])
async def test_a_missing_graph_permission_names_it_for_the_admin(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings, card = await meet_now_once(identity, secure_emulator, tmp_path, connector)
    assert "lacks a permission" in card_text(card)
    assert "administrator must finish set-up" not in card_text(card)
    hints = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(
        "application permission OnlineMeetings.ReadWrite.All" in h and settings.app_id in h
        for h in hints
    ), hints
