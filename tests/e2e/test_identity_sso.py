"""Delegated mode: Teams single sign-on, the on-behalf-of exchange, and acting as the user.

The identity server issues the token Teams would hand the bot (audience api://botid-{appId});
the bot exchanges it with msal's on-behalf-of flow against the same server, and its Graph calls
go to /me with the user's own token, verified by the Graph emulator.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import uuid
from dataclasses import replace
from typing import Any

import httpx
import pytest

from bot.config import Settings
from graph_emulator.identity import AppRegistration, IdentityServer
from tests.support.activities import OTHER_AAD, USER_AAD, compose_invoke, message
from tests.support.cardtext import card_text, join_urls
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import APP_ID, SignedBot, running_bot
from tests.support.servers import Emulator
from tests.support.sso_fixtures import (
    RESOURCE,
    exchange,
    oauth_cards,
    organizer,
    service_graph_token,
)

pytest_plugins = ["tests.support.identity_fixtures", "tests.support.sso_fixtures"]

OBO = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def obo_calls(identity: IdentityServer) -> list[dict[str, Any]]:
    return [c for c in identity.token_requests() if c["grantType"] == OBO]


def user_token_calls(identity: IdentityServer) -> list[dict[str, Any]]:
    return [c for c in identity.token_requests() if c["grantType"] in (OBO, "refresh_token")]


async def test_without_a_token_the_user_gets_an_sso_card_and_graph_is_not_called(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(message("meet now", service_url))

    [card] = oauth_cards(capture)
    resource = card["tokenExchangeResource"]
    assert resource["uri"] == RESOURCE
    assert resource["id"]
    assert resource["providerId"]
    assert card["connectionName"] == "TeamsSSO"
    assert card["buttons"][0]["type"] == "signin"
    assert card["buttons"][0]["value"].startswith(f"{service_url}/api/oauth/signin?signin=")
    [asked] = capture.token_service.calls("/api/botsignin/GetSignInResource")
    assert asked["state"]["connectionName"] == "TeamsSSO"
    assert asked["state"]["msAppId"] == APP_ID
    assert asked["authorization"].startswith("Bearer ")
    assert await secure_emulator.requests() == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("composeExtension/fetchTask", None),
        ("composeExtension/submitAction", {"nonce": "n1", "subject": "Sync", "when": "now"}),
    ],
    ids=["fetch", "submit"],
)
async def test_the_compose_action_without_a_token_answers_with_the_auth_teams_expects(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    name: str,
    data: dict[str, str] | None,
) -> None:
    """Teams shows a message extension's sign-in link itself (composeExtension type "auth"
    with an openUrl suggested action) and sends the invoke again once the user signed in."""
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        response = await bot.send(compose_invoke(name, service_url, data=data))

    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"composeExtension"}, body
    auth = body["composeExtension"]
    assert auth["type"] == "auth"
    [link] = auth["suggestedActions"]["actions"]
    assert (link["type"], link["title"]) == ("openUrl", "Sign in")
    assert link["value"].startswith(
        f"{service_url}/api/oauth/signin?signin="
    )  # the token service's
    assert capture.activities == []  # nothing posted into the chat
    assert await secure_emulator.requests() == []


async def test_the_compose_action_back_from_its_sign_in_without_a_token_says_where_to_sign_in(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    """Teams sends the invoke again with a `state` after its sign-in window; a code the token
    service does not redeem gets no second sign-in link: the form says where to sign in."""
    _, service_url = connector
    data = {"nonce": "n1", "subject": "Sync", "when": "now"}
    again = compose_invoke("composeExtension/submitAction", service_url, data=data)
    again["value"]["state"] = "123456"

    async with running_bot(delegated, identity) as bot:
        response = await bot.send(again)

    form = response.json()["task"]["value"]["card"]["content"]
    assert "Please sign in first" in card_text(form)
    assert '"Sync"' in str(form).replace("'", '"')  # the input is kept
    assert await secure_emulator.requests() == []


async def test_the_compose_action_back_from_its_sign_in_with_a_code_creates_the_meeting(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    """The invoke again with the code the sign-in page gave (`state`): redeemed at the token
    service, the form's meeting is made as the user, and its card goes into the compose box."""
    capture, service_url = connector
    code = capture.token_service.sign_in("29:user-jane", service_graph_token(identity))
    data = {"nonce": "n1", "subject": "Sync", "when": "now"}
    again = compose_invoke("composeExtension/submitAction", service_url, data=data)
    again["value"]["state"] = code

    async with running_bot(delegated, identity) as bot:
        response = await bot.send(again)

    assert response.status_code == 200, response.text
    assert response.json()["composeExtension"]["type"] == "result"
    assert len(await secure_emulator.graph_calls("createOrGet", "POST")) == 1
    assert capture.activities == []


async def test_the_compose_action_of_a_signed_in_user_opens_its_form(
    delegated: Settings, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    _, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(exchange(identity, service_url))
        response = await bot.send(compose_invoke("composeExtension/fetchTask", service_url))

    assert response.json()["task"]["type"] == "continue"


async def test_sso_exchange_then_meetings_as_the_user_survive_a_restart(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        answer = await bot.send(exchange(identity, service_url))
        await bot.send(message("meet now Planning", service_url))

    assert answer.status_code == 200, answer.text
    assert answer.json() == {"id": "exchange-1", "connectionName": "TeamsSSO"}
    signed_in, first = capture.cards()
    assert "signed in" in card_text(signed_in)
    [first_url] = join_urls(first)
    assert await organizer(secure_emulator, identity, first_url) == USER_AAD
    assert [c["path"] for c in await secure_emulator.graph_calls("createOrGet")] == [
        "/v1.0/me/onlineMeetings/createOrGet"
    ]
    assert len(obo_calls(identity)) == 1

    async with running_bot(delegated, identity) as restarted:  # same BOT_DB, new process state
        await restarted.send(message("meet now Retro", service_url))

    [url] = join_urls(capture.cards()[-1])
    assert await organizer(secure_emulator, identity, url) == USER_AAD
    assert oauth_cards(capture) == []
    assert len(user_token_calls(identity)) == 1


@pytest.mark.parametrize("token_lifetime", [120])
async def test_short_lived_tokens_are_renewed_with_the_stored_refresh_token(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    async with running_bot(delegated, identity) as bot:
        await _sign_in(bot, identity, service_url)

    async with running_bot(delegated, identity) as restarted:
        await restarted.send(message("meet now Renewed", service_url))

    [url] = join_urls(capture.cards()[-1])
    assert await organizer(secure_emulator, identity, url) == USER_AAD
    first, *renewals = [c["grantType"] for c in user_token_calls(identity)]
    assert first == OBO  # one exchange; msal renews tokens due within 5 minutes silently
    assert renewals
    assert set(renewals) == {"refresh_token"}
    assert oauth_cards(capture) == []


async def test_the_same_sign_in_from_several_devices_is_exchanged_once(
    delegated: Settings, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        desktop, phone = await asyncio.gather(
            bot.send(exchange(identity, service_url)), bot.send(exchange(identity, service_url))
        )
        later = await bot.send(exchange(identity, service_url))
        other_sign_in = await bot.send(exchange(identity, service_url, "exchange-2"))

    assert [desktop.status_code, phone.status_code, later.status_code] == [200, 200, 200]
    assert other_sign_in.status_code == 200
    assert len(obo_calls(identity)) == 2  # one per sign-in id, not per device
    assert len([c for c in capture.cards() if "signed in" in card_text(c)]) == 2


def failed_exchange(response: httpx.Response, exchange_id: str = "exchange-1") -> None:
    assert response.status_code == 412, response.text
    body = response.json()
    assert body["id"] == exchange_id
    assert body["connectionName"] == "TeamsSSO"
    assert body["failureDetail"]


@pytest.fixture
def consented() -> frozenset[str]:
    return frozenset({"OnlineMeetings.ReadWrite", "Calendars.ReadWrite"})


@pytest.fixture
def app_registration(
    app_registration: AppRegistration, consented: frozenset[str]
) -> AppRegistration:
    return replace(app_registration, delegated_consent=consented)


@pytest.mark.parametrize("consented", [frozenset({"OnlineMeetings.ReadWrite"})])
async def test_without_consent_the_exchange_answers_412_so_teams_shows_the_sign_in_button(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        failed_exchange(await bot.send(exchange(identity, service_url)))
        await bot.send(message("meet now", service_url))

    assert "AADSTS65001" in caplog.text
    assert len(oauth_cards(capture)) == 1
    assert await secure_emulator.requests() == []


async def test_a_token_of_another_user_is_not_exchanged(
    delegated: Settings, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    _, service_url = connector

    async with running_bot(delegated, identity) as bot:
        failed_exchange(await bot.send(exchange(identity, service_url, oid=OTHER_AAD)))

    assert obo_calls(identity) == []


async def test_sign_out_forgets_the_users_tokens(
    delegated: Settings,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    async with running_bot(delegated, identity) as bot:
        await bot.send(exchange(identity, service_url))
        await bot.send(message("sign out", service_url))
        await bot.send(message("meet now", service_url))

    assert "Signed out" in card_text(capture.cards()[-1])
    assert len(oauth_cards(capture)) == 1
    assert await secure_emulator.requests() == []


async def test_tokens_are_stored_encrypted(
    delegated: Settings, identity: IdentityServer, connector: tuple[ConnectorCapture, str]
) -> None:
    _, service_url = connector
    async with running_bot(delegated, identity) as bot:
        await _sign_in(bot, identity, service_url)

    with sqlite3.connect(delegated.bot_db) as db:
        [(stored,)] = db.execute("SELECT cache FROM user_token_caches").fetchall()
    raw = bytes(stored)
    assert raw.startswith(b"gAAAAA")  # a Fernet token: base64url, so never a "." inside
    assert not re.search(rb"eyJ[\w-]+\.eyJ", raw)  # no JWT (access or id token) in clear
    assert b"refresh_token" not in raw.lower()
    assert b"RefreshToken" not in raw


async def _sign_in(bot: SignedBot, identity: IdentityServer, service_url: str) -> None:
    response = await bot.send(exchange(identity, service_url, str(uuid.uuid4())))
    assert response.status_code == 200, response.text
