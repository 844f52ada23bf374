"""With verified tokens, the user directory and the access policy say no as Graph does."""

from __future__ import annotations

import pytest

from graph_emulator.identity import IdentityServer
from tests.emulator.test_identity_emulator import (
    ALICE,
    ALL_ROLES,
    BOB,
    MEETING,
    app_token,
    call,
    graph_error,
    user_token,
)
from tests.support.activities import TENANT
from tests.support.identity_fixtures import APP_ID
from tests.support.servers import Emulator

pytest_plugins = ["tests.support.identity_fixtures"]

DENIED = (403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")


async def seed(emulator: Emulator, user: str, **fields: object) -> None:
    response = await emulator.control.put(
        f"/_emulator/users/{user}", params={"tenant": TENANT}, json=fields
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "path",
    [f"/users/{BOB}", "/users?$filter=mail eq 'bob@contoso.com'"],
    ids=["get-user", "list-users"],
)
async def test_the_bots_app_roles_do_not_reach_the_directory(
    identity: IdentityServer, secure_emulator: Emulator, path: str
) -> None:
    """microsoft-graph-docs issue #1072: GET /users without User.Read.All (or ReadBasic.All)
    is 403 Authorization_RequestDenied, "Insufficient privileges to complete the operation."."""
    await seed(secure_emulator, BOB, mail="bob@contoso.com")
    response = await call(secure_emulator, "GET", path, app_token(identity))
    assert graph_error(response) == DENIED


async def test_user_read_basic_all_reads_users_by_mail(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    """List users, Permissions: User.ReadBasic.All (application) is the least privileged."""
    await seed(secure_emulator, BOB, displayName="Bob Brown", mail="bob@contoso.com")
    headers = app_token(identity, roles=[*ALL_ROLES, "User.ReadBasic.All"])
    response = await call(
        secure_emulator, "GET", "/users", headers, params={"$filter": "mail eq 'bob@contoso.com'"}
    )
    assert response.status_code == 200, response.text
    assert [u["displayName"] for u in response.json()["value"]] == ["Bob Brown"]


async def test_user_read_is_enough_for_me_only(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    """Get user, Permissions: delegated User.Read reads the signed-in user, not others."""
    headers = user_token(identity, ALICE, "User.Read OnlineMeetings.ReadWrite")
    me = await call(secure_emulator, "GET", "/me", headers)
    assert me.status_code == 200, me.text
    assert me.json()["id"] == ALICE
    assert graph_error(await call(secure_emulator, "GET", f"/users/{BOB}", headers)) == DENIED


async def test_not_authorized_wording_names_the_app_and_the_user(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    """Microsoft's "Configure application access to online meetings" article (Errors section,
    before microsoft-graph-docs pull request #21541): 403 Unauthorized, "App <app id> is not
    authorized to Create meeting on behalf of user <user id>". Delegated calls need no policy."""
    await seed(secure_emulator, ALICE, applicationAccessPolicy="notAuthorized")
    path = f"/users/{ALICE}/onlineMeetings/createOrGet"
    refused = await call(secure_emulator, "POST", path, app_token(identity), json=MEETING)
    assert graph_error(refused) == (
        403,
        "Unauthorized",
        f"App {APP_ID} is not authorized to Create meeting on behalf of user {ALICE}",
    )
    delegated = user_token(identity, ALICE, "OnlineMeetings.ReadWrite")
    own = await call(
        secure_emulator, "POST", "/me/onlineMeetings/createOrGet", delegated, json=MEETING
    )
    assert own.status_code == 201, own.text
