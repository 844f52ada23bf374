"""Delegated mode's fixtures and helpers (loaded via `pytest_plugins`, after identity_fixtures):
a bot whose users sign in, the capture server standing in for the Bot Connector and the token
service, and the sign-in invokes Teams sends.

Assertion rewriting is off here (PYTEST_DONT_REWRITE): helpers raise with messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.config import Settings
from graph_emulator.identity import IdentityServer
from tests.support.activities import TENANT, USER_AAD, message
from tests.support.connector import ConnectorCapture
from tests.support.identity_fixtures import APP_ID, bot_env, graph_headers, settings_from
from tests.support.servers import Emulator

OAUTH_CARD = "application/vnd.microsoft.card.oauth"
RESOURCE = f"api://botid-{APP_ID}"
DELEGATED_SCOPES = "OnlineMeetings.ReadWrite Calendars.ReadWrite User.ReadBasic.All"


@pytest.fixture
def delegated(
    identity: IdentityServer,
    secure_emulator: Emulator,
    trusted_ca: Path,
    tmp_path: Path,
    connector: tuple[ConnectorCapture, str],
) -> Settings:
    """Delegated mode, its token service the capture server (on the connector's address)."""
    capture, service_url = connector
    capture.token_service.exchange_uri = RESOURCE
    env = bot_env(
        identity,
        secure_emulator,
        tmp_path,
        GRAPH_AUTH="delegated",
        BOT_TOKEN_SERVICE_URL=service_url,
    )
    return settings_from(env)


def exchange(
    identity: IdentityServer,
    service_url: str,
    exchange_id: str = "exchange-1",
    oid: str = USER_AAD,
) -> dict[str, Any]:
    """The `signin/tokenExchange` invoke Teams sends after getting the user an SSO token."""
    activity = message("", service_url)
    activity.update(
        type="invoke",
        name="signin/tokenExchange",
        value={
            "id": exchange_id,
            "connectionName": "TeamsSSO",
            "token": identity.user_token(oid, TENANT, RESOURCE, name="Jane Doe"),
        },
    )
    return activity


def verify_state(service_url: str, state: Any, **where: Any) -> dict[str, Any]:
    """The `signin/verifyState` invoke Teams sends once the sign-in button's flow is done."""
    activity = message("", service_url, **where)
    activity.update(type="invoke", name="signin/verifyState", value={"state": state})
    return activity


def service_graph_token(identity: IdentityServer, oid: str = USER_AAD) -> str:
    """The Graph token the token service holds for a user who signed in with its button."""
    return graph_headers(identity, oid, DELEGATED_SCOPES)["Authorization"].removeprefix("Bearer ")


def oauth_cards(capture: ConnectorCapture) -> list[dict[str, Any]]:
    return [
        attachment["content"]
        for activity in capture.activities
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == OAUTH_CARD
    ]


async def organizer(emulator: Emulator, identity: IdentityServer, join_url: str) -> str:
    """Ask Graph, as the user, who organizes the meeting behind a join link."""
    async with httpx.AsyncClient(base_url=emulator.base_url) as graph:
        response = await graph.get(
            "/me/onlineMeetings",
            params={"$filter": f"JoinWebUrl eq '{join_url}'"},
            headers=graph_headers(identity, USER_AAD, "OnlineMeetings.ReadWrite"),
        )
    [meeting] = response.json()["value"]
    return str(meeting["participants"]["organizer"]["identity"]["user"]["id"])
