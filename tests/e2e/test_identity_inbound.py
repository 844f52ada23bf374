"""Only real Bot Framework traffic reaches the handler: tokens are checked before anything runs.

The identity server plays the Bot Framework channel: it publishes OpenID metadata and endorsed
keys, and signs the tokens below. The bot validates them with botframework-connector (keys
fetched over HTTPS from BOT_OPENID_METADATA_URL); its replies carry a token msal got from the
identity server (AUTHORITY_HOST), which the capture connector receives.
"""

from __future__ import annotations

from collections.abc import Callable

import jwt
import pytest

from graph_emulator.identity import BOT_FRAMEWORK_ISSUER, IdentityServer, SigningKey
from tests.support.activities import message
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import (
    APP_ID,
    CONNECTOR_SCOPE,
    SignedBot,
    token_calls,
)
from tests.support.servers import BotUnderTest, Emulator

pytest_plugins = ["tests.support.identity_fixtures"]


async def test_a_signed_activity_is_handled_and_the_reply_carries_the_bots_own_token(
    signed_bot: SignedBot,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector

    response = await signed_bot.send(message("meet now Design sync", service_url))

    assert response.status_code in (200, 201), response.text
    [reply] = capture.calls
    scheme, _, token = reply.headers["Authorization"].partition(" ")
    claims = jwt.decode(
        token,
        jwt.PyJWK(identity.graph_jwks()["keys"][0]).key,
        algorithms=["RS256"],
        audience="https://api.botframework.com",
    )
    assert scheme == "Bearer"
    assert claims["appid"] == APP_ID
    assert [c["tenant"] for c in token_calls(identity, CONNECTOR_SCOPE)] == ["botframework.com"]
    assert [c["status"] for c in await secure_emulator.graph_calls("createOrGet")] == [201]


def _no_token(identity: IdentityServer, url: str) -> dict[str, str]:
    return {}


def _header(make: Callable[[IdentityServer, str], str]) -> Callable[..., dict[str, str]]:
    def headers(identity: IdentityServer, url: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {make(identity, url)}"}

    return headers


REJECTED = [
    pytest.param(_no_token, id="no-token"),
    pytest.param(_header(lambda i, u: "not-a-jwt"), id="garbage"),
    pytest.param(
        _header(lambda i, u: i.channel_token(APP_ID, u, key=SigningKey(i.channel_key.kid))),
        id="forged-signature-same-kid",
    ),
    pytest.param(
        _header(lambda i, u: i.channel_token(APP_ID, u, key=SigningKey())), id="unknown-key"
    ),
    pytest.param(_header(lambda i, u: i.channel_token(APP_ID, u, lifetime=-900)), id="expired"),
    pytest.param(
        _header(lambda i, u: i.channel_token(APP_ID, u, audience="another-bots-app-id")),
        id="wrong-audience",
    ),
    pytest.param(
        _header(lambda i, u: i.channel_token(APP_ID, u, issuer="https://evil.example")),
        id="wrong-issuer",
    ),
    pytest.param(
        _header(lambda i, u: i.channel_token(APP_ID, "https://elsewhere.example/")),
        id="token-for-another-service-url",
    ),
    pytest.param(
        lambda i, u: {"Authorization": f"Basic {i.channel_token(APP_ID, u)}"}, id="not-bearer"
    ),
]


@pytest.mark.parametrize("headers", REJECTED)
async def test_a_request_without_a_valid_channel_token_is_refused_before_the_handler(
    headers: Callable[[IdentityServer, str], dict[str, str]],
    signed_bot: SignedBot,
    identity: IdentityServer,
    secure_emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
) -> None:
    capture, service_url = connector
    activity = message("meet now", service_url)

    response = await signed_bot.post(activity, **headers(identity, service_url))

    assert response.status_code == 401, response.text
    assert capture.calls == []
    assert capture.unexpected == []
    assert await secure_emulator.requests() == []
    assert token_calls(identity, "https://graph.microsoft.com/.default") == []


async def test_a_channel_the_signing_key_does_not_endorse_is_refused(
    signed_bot: SignedBot, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    activity = message("meet now", service_url)
    activity["channelId"] = "slack"

    response = await signed_bot.send(activity)

    assert response.status_code == 401
    assert capture.calls == []


async def test_the_issuer_of_the_public_bot_framework_is_expected_by_default(
    signed_bot: SignedBot, connector: tuple[ConnectorCapture, str]
) -> None:
    """The metadata URL is the only test knob: tokens still need Bot Framework's issuer."""
    capture, service_url = connector

    response = await signed_bot.send(message("help", service_url), issuer=BOT_FRAMEWORK_ISSUER)

    assert response.status_code in (200, 201)
    assert len(capture.cards()) == 1


async def test_without_an_app_id_local_mode_still_needs_no_token(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector

    response = await bot.post(message("help", service_url))

    assert response.status_code in (200, 201)
    assert "Authorization" not in capture.calls[0].headers
