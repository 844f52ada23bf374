"""The Graph emulator honours tokens when given the identity server's keys, as Graph does:
401 for a token it cannot trust, 403 for a missing permission or access policy."""

from __future__ import annotations

import ssl
import time
from typing import Any

import httpx
import pytest

from graph_emulator import EmulatorSettings, start_emulator
from graph_emulator.identity import IdentityServer, SigningKey
from tests.support.activities import TENANT
from tests.support.identity_fixtures import APP_ID, OTHER_TENANT, SECRET
from tests.support.servers import Emulator

pytest_plugins = ["tests.support.identity_fixtures"]

ALICE = "aaaaaaaa-0000-0000-0000-000000000001"
BOB = "bbbbbbbb-0000-0000-0000-000000000002"
ALL_ROLES = ("OnlineMeetings.ReadWrite.All", "Calendars.ReadWrite")
MEETING = {"externalId": "probe-1", "subject": "Sync"}
EVENT = {
    "subject": "Review",
    "start": {"dateTime": "2026-12-01T09:00:00", "timeZone": "UTC"},
    "end": {"dateTime": "2026-12-01T10:00:00", "timeZone": "UTC"},
}
WINDOW = {"startDateTime": "2026-12-01T00:00:00Z", "endDateTime": "2026-12-02T00:00:00Z"}


def claims(identity: IdentityServer, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {
        "iss": identity.graph_issuer_template.format(tid=TENANT),
        "aud": "https://graph.microsoft.com",
        "tid": TENANT,
        "oid": "5e5e5e5e-0000-0000-0000-00000000a99",
        "appid": APP_ID,
        "idtyp": "app",
        "roles": list(ALL_ROLES),
        "iat": now,
        "nbf": now,
        "exp": now + 600,
    }
    base.update(overrides)
    return {key: value for key, value in base.items() if value is not None}


def app_token(identity: IdentityServer, **overrides: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {identity.entra_key.sign(claims(identity, **overrides))}"}


def user_token(identity: IdentityServer, oid: str, scp: str) -> dict[str, str]:
    signed = identity.entra_key.sign(
        claims(identity, oid=oid, idtyp=None, roles=None, scp=scp, appid=APP_ID)
    )
    return {"Authorization": f"Bearer {signed}"}


async def call(
    emulator: Emulator, method: str, path: str, headers: dict[str, str], **kwargs: Any
) -> httpx.Response:
    async with httpx.AsyncClient(base_url=emulator.base_url) as graph:
        return await graph.request(method, path, headers=headers, **kwargs)


def graph_error(response: httpx.Response) -> tuple[int, str, str]:
    error = response.json()["error"]
    return response.status_code, error["code"], error["message"]


UNTRUSTED = [
    pytest.param(lambda i: {}, "Access token is empty.", id="none"),
    pytest.param(
        lambda i: {"Authorization": "Bearer opaque-local-token"},
        "CompactToken parsing failed with error code: 80049217",
        id="not-a-jwt",
    ),
    pytest.param(
        lambda i: {"Authorization": f"Bearer {SigningKey(i.entra_key.kid).sign(claims(i))}"},
        "Access token validation failure.",
        id="forged-signature",
    ),
    pytest.param(
        lambda i: {"Authorization": f"Bearer {SigningKey().sign(claims(i))}"},
        "Access token validation failure. Invalid signature.",
        id="unknown-key",
    ),
    pytest.param(
        lambda i: app_token(i, exp=int(time.time()) - 3600),
        "Access token has expired or is not yet valid.",
        id="expired",
    ),
    pytest.param(
        lambda i: app_token(i, aud="https://api.botframework.com"),
        "Access token validation failure. Invalid audience.",
        id="not-for-graph",
    ),
    pytest.param(
        lambda i: app_token(i, iss="https://sts.windows.net/evil/"),
        "Access token validation failure. Invalid issuer.",
        id="wrong-issuer",
    ),
    pytest.param(
        lambda i: app_token(i, iss=i.graph_issuer_template.format(tid=OTHER_TENANT)),
        "Access token validation failure. Invalid issuer.",
        id="issuer-of-another-tenant",
    ),
]


@pytest.mark.parametrize(("headers", "message"), UNTRUSTED)
async def test_a_token_graph_cannot_trust_gets_401(
    headers: Any, message: str, identity: IdentityServer, secure_emulator: Emulator
) -> None:
    path = f"/users/{ALICE}/onlineMeetings/createOrGet"

    response = await call(secure_emulator, "POST", path, headers(identity), json=MEETING)

    assert graph_error(response) == (401, "InvalidAuthenticationToken", message)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


FORBIDDEN = [
    pytest.param(
        (),
        "POST",
        f"/users/{ALICE}/onlineMeetings/createOrGet",
        MEETING,
        "Forbidden",
        id="no-roles-meeting",
    ),
    pytest.param(
        ("Calendars.ReadWrite",),
        "POST",
        f"/users/{ALICE}/onlineMeetings/createOrGet",
        MEETING,
        "Forbidden",
        id="calendar-role-only-meeting",
    ),
    pytest.param(
        ("OnlineMeetings.Read.All", "Calendars.ReadWrite"),
        "DELETE",
        f"/users/{ALICE}/onlineMeetings/abc",
        None,
        "Forbidden",
        id="read-role-cannot-delete",
    ),
    pytest.param(
        ("OnlineMeetings.ReadWrite.All",),
        "POST",
        f"/users/{ALICE}/events",
        EVENT,
        "ErrorAccessDenied",
        id="meeting-role-only-event",
    ),
    pytest.param(
        ("OnlineMeetings.ReadWrite.All",),
        "GET",
        f"/users/{ALICE}/calendar",
        None,
        "ErrorAccessDenied",
        id="meeting-role-only-calendar",
    ),
    pytest.param(
        ("OnlineMeetings.ReadWrite.All", "Calendars.Read"),
        "POST",
        f"/users/{ALICE}/calendar/events",
        EVENT,
        "ErrorAccessDenied",
        id="read-role-cannot-create-event",
    ),
]


@pytest.mark.parametrize(("roles", "method", "path", "body", "code"), FORBIDDEN)
async def test_an_app_token_without_the_routes_role_gets_graphs_403(
    roles: tuple[str, ...],
    method: str,
    path: str,
    body: dict[str, Any] | None,
    code: str,
    identity: IdentityServer,
    secure_emulator: Emulator,
) -> None:
    headers = app_token(identity, roles=list(roles) or None)

    response = await call(secure_emulator, method, path, headers, json=body)

    assert graph_error(response)[:2] == (403, code)


async def test_the_right_roles_open_every_route_the_bot_uses(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    headers = app_token(identity)
    users = f"/users/{ALICE}"

    meeting = await call(
        secure_emulator, "POST", f"{users}/onlineMeetings/createOrGet", headers, json=MEETING
    )
    event = await call(secure_emulator, "POST", f"{users}/events", headers, json=EVENT)
    view = await call(secure_emulator, "GET", f"{users}/calendarView", headers, params=WINDOW)
    calendar = await call(secure_emulator, "GET", f"{users}/calendar", headers)

    statuses = [r.status_code for r in (meeting, event, view, calendar)]
    assert statuses == [201, 201, 200, 200]


async def test_delegated_tokens_need_the_delegated_scope_for_the_route(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    meetings_only = user_token(identity, ALICE, "OnlineMeetings.ReadWrite")

    created = await call(
        secure_emulator, "POST", "/me/onlineMeetings/createOrGet", meetings_only, json=MEETING
    )
    refused = await call(secure_emulator, "POST", "/me/events", meetings_only, json=EVENT)

    assert created.status_code == 201
    assert created.json()["participants"]["organizer"]["identity"]["user"]["id"] == ALICE
    assert graph_error(refused)[:2] == (403, "ErrorAccessDenied")


@pytest.mark.parametrize("users_without_policy", [frozenset({BOB})])
async def test_app_only_meetings_for_a_user_without_access_policy_get_graphs_403(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    headers = app_token(identity)

    bob = await call(
        secure_emulator, "POST", f"/users/{BOB}/onlineMeetings/createOrGet", headers, json=MEETING
    )
    alice = await call(
        secure_emulator, "POST", f"/users/{ALICE}/onlineMeetings/createOrGet", headers, json=MEETING
    )
    bob_event = await call(secure_emulator, "POST", f"/users/{BOB}/events", headers, json=EVENT)
    bob_himself = await call(
        secure_emulator,
        "POST",
        "/me/onlineMeetings/createOrGet",
        user_token(identity, BOB, "OnlineMeetings.ReadWrite"),
        json=MEETING,
    )

    assert graph_error(bob) == (403, "General", "No application access policy found for this app.")
    assert [alice.status_code, bob_event.status_code, bob_himself.status_code] == [201, 201, 201]


async def test_tokens_from_the_real_token_endpoint_are_accepted(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    trust = ssl.create_default_context(cafile=str(identity.ca_path))
    async with httpx.AsyncClient(verify=trust) as entra:
        answer = await entra.post(
            f"{identity.base_url}/{TENANT}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": APP_ID,
                "client_secret": SECRET,
                "scope": "https://graph.microsoft.com/.default",
            },
        )
    headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}

    response = await call(
        secure_emulator, "POST", f"/users/{ALICE}/onlineMeetings/createOrGet", headers, json=MEETING
    )

    assert response.status_code == 201, response.text


async def test_without_keys_the_emulator_still_accepts_any_bearer_token() -> None:
    running = await start_emulator(EmulatorSettings())
    try:
        headers = {"Authorization": f"Bearer {SigningKey().sign({'roles': []})}"}
        async with httpx.AsyncClient(base_url=running.base_url) as graph:
            response = await graph.post(
                f"/users/{ALICE}/onlineMeetings/createOrGet", json=MEETING, headers=headers
            )
    finally:
        await running.close()

    assert response.status_code == 201
