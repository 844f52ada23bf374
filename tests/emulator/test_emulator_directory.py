"""The user directory: GET /users/{id}, GET /users?$filter=..., GET /me, and its control API."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    OTHER_TENANT,
    TENANT,
    GraphHarness,
    assert_graph_error,
    token,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

CAROL = "cccccccc-0000-0000-0000-000000000003"
DEFAULT_PROPERTIES = {
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
}


async def seed(h: GraphHarness, user: str, **fields: Any) -> dict[str, Any]:
    response = await h.control.put(f"/_emulator/users/{user}", json=fields)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def set_tenant(h: GraphHarness, tenant: str = "default", **settings: Any) -> dict[str, Any]:
    response = await h.control.put(f"/_emulator/tenants/{tenant}", json=settings)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def seed_people(h: GraphHarness) -> None:
    await seed(h, ALICE, displayName="Alice Adams", mail="alice@contoso.com", givenName="Alice")
    await seed(h, BOB, displayName="Bob Brown", mail="bob@contoso.com")
    await seed(h, CAROL, displayName="Alan Guest", mail="alan@fabrikam.com", userType="Guest")


def users_of(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["@odata.context"].split("$metadata#")[1].startswith("users")
    users: list[dict[str, Any]] = body["value"]
    return users


# -- GET /users/{id} ----------------------------------------------------------------------------


async def test_get_user_answers_graphs_default_properties(harness: GraphHarness) -> None:
    """Get user (v1.0): the default property set, id last; userPrincipalName as seeded."""
    await seed(harness, ALICE, displayName="Alice Adams", mail="alice@contoso.com")
    response = await harness.graph.get(f"/users/{ALICE}")
    assert response.status_code == 200, response.text
    user = response.json()
    assert user["@odata.context"].endswith("$metadata#users/$entity")
    assert set(user) - {"@odata.context"} == DEFAULT_PROPERTIES
    assert (user["id"], user["displayName"], user["mail"]) == (
        ALICE,
        "Alice Adams",
        "alice@contoso.com",
    )
    assert user["userPrincipalName"] == "alice@contoso.com"
    assert user["businessPhones"] == []


async def test_a_user_can_be_read_by_user_principal_name(harness: GraphHarness) -> None:
    """Get user: GET /users/{id | userPrincipalName}; Entra compares UPNs case-insensitively."""
    await seed(harness, ALICE, userPrincipalName="alice@contoso.com")
    response = await harness.graph.get("/users/Alice@Contoso.com")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == ALICE


async def test_select_names_user_type_and_the_id_always_comes(harness: GraphHarness) -> None:
    """Get user: $select returns only the named properties (userType is not in the default set)."""
    await seed(harness, CAROL, userType="Guest", mail="carol@fabrikam.com")
    response = await harness.graph.get(
        f"/users/{CAROL}", params={"$select": "displayName,userType"}
    )
    user = response.json()
    assert user["@odata.context"].endswith("$metadata#users(displayName,userType)/$entity")
    assert {k: v for k, v in user.items() if k != "@odata.context"} == {
        "displayName": CAROL,
        "userType": "Guest",
        "id": CAROL,
    }
    bad = await harness.graph.get(f"/users/{CAROL}", params={"$select": "shoeSize"})
    assert "shoeSize" in assert_graph_error(bad, 400, "Request_BadRequest")


async def test_guests_get_an_ext_user_principal_name(harness: GraphHarness) -> None:
    """Entra ID writes a guest's UPN as `name_domain#EXT#@tenant` (B2B collaboration docs)."""
    await seed(harness, CAROL, userType="Guest", mail="carol@fabrikam.com")
    user = (await harness.graph.get(f"/users/{CAROL}")).json()
    assert user["userPrincipalName"] == "carol_fabrikam.com#EXT#@emulator.local"
    assert user["mail"] == "carol@fabrikam.com"


async def test_an_open_directory_knows_every_user_by_their_calendar(harness: GraphHarness) -> None:
    """The emulator's default: any id exists, named like its calendar's owner (as events say)."""
    await harness.set_calendar(BOB, name="Bob Brown", address="bob@contoso.com")
    user = (await harness.graph.get(f"/users/{BOB}")).json()
    assert (user["displayName"], user["mail"]) == ("Bob Brown", "bob@contoso.com")


async def test_a_missing_user_is_entras_request_resource_not_found(harness: GraphHarness) -> None:
    """microsoft-graph-docs issue #6059: 404 Request_ResourceNotFound, "Resource '<id>' does
    not exist or one of its queried reference-property objects are not present."."""
    await set_tenant(harness, directory="closed")
    message = assert_graph_error(
        await harness.graph.get(f"/users/{BOB}"), 404, "Request_ResourceNotFound"
    )
    assert message == (
        f"Resource '{BOB}' does not exist or one of its queried reference-property objects "
        "are not present."
    )


# -- GET /users?$filter= ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("mail eq 'alice@contoso.com'", ["Alice Adams"]),
        ("mail eq 'ALICE@contoso.COM'", ["Alice Adams"]),
        ("userPrincipalName eq 'bob@contoso.com'", ["Bob Brown"]),
        ("startswith(displayName,'Al')", ["Alice Adams", "Alan Guest"]),
        ("startsWith(displayName, 'al')", ["Alice Adams", "Alan Guest"]),
        ("startswith(displayName,'Al') and userType eq 'Member'", ["Alice Adams"]),
        ("mail eq 'bob@contoso.com' or startswith(mail,'alan')", ["Bob Brown", "Alan Guest"]),
        ("mail in ('bob@contoso.com', 'alan@fabrikam.com')", ["Bob Brown", "Alan Guest"]),
        ("givenName eq null", ["Bob Brown", "Alan Guest"]),
        ("mail eq 'o''brien@contoso.com'", []),
    ],
    ids=[
        "mail-eq",
        "mail-eq-any-case",
        "upn-eq",
        "startswith-display-name",
        "startswith-any-case",
        "and",
        "or",
        "in",
        "eq-null",
        "escaped-quote",
    ],
)
async def test_users_filter_like_graph(
    harness: GraphHarness, expression: str, expected: list[str]
) -> None:
    """List users, "Optional query parameters": $filter with eq, in and startsWith on
    displayName, mail and userPrincipalName (user resource type, "Supports $filter")."""
    await seed_people(harness)
    users = users_of(await harness.graph.get("/users", params={"$filter": expression}))
    assert [user["displayName"] for user in users] == expected


@pytest.mark.parametrize(
    "expression",
    ["endswith(mail,'@contoso.com')", "mail ne 'x'", "department eq 'Sales'"],
    ids=["endswith", "ne", "unsupported-property"],
)
async def test_filters_needing_advanced_queries_are_graphs_400(
    harness: GraphHarness, expression: str
) -> None:
    """Entra ID's "Unsupported or invalid query filter clause specified for property '...' of
    resource 'User'." (Request_UnsupportedQuery) for what needs ConsistencyLevel: eventual."""
    response = await harness.graph.get("/users", params={"$filter": expression})
    message = assert_graph_error(response, 400, "Request_UnsupportedQuery")
    assert "Unsupported or invalid query filter clause specified for property" in message


async def test_a_malformed_filter_is_a_bad_request(harness: GraphHarness) -> None:
    """List users: a filter that does not parse is a 400, never a 500."""
    response = await harness.graph.get("/users", params={"$filter": "mail eq 'unterminated"})
    assert "Invalid filter clause" in assert_graph_error(response, 400, "BadRequest")


async def test_users_page_with_top_and_a_next_link(harness: GraphHarness) -> None:
    """List users: $top sets the page size; @odata.nextLink fetches the rest."""
    await seed_people(harness)
    first = (await harness.graph.get("/users", params={"$top": "2"})).json()
    assert [u["id"] for u in first["value"]] == [ALICE, BOB]
    second = (await harness.graph.get(first["@odata.nextLink"])).json()
    assert [u["id"] for u in second["value"]] == [CAROL]
    assert "@odata.nextLink" not in second


async def test_users_are_per_tenant(harness: GraphHarness) -> None:
    """Each tenant has its own directory."""
    await seed_people(harness)
    other = users_of(await harness.graph.get("/users", headers=token(tid=OTHER_TENANT)))
    assert other == []


async def test_me_is_the_signed_in_user_and_app_only_is_a_400(harness: GraphHarness) -> None:
    """Get user: GET /me needs a delegated token ("/me request is only valid with delegated
    authentication flow.")."""
    await seed(harness, ALICE, displayName="Alice Adams")
    me = await harness.graph.get("/me", headers=token(oid=ALICE))
    assert me.json()["displayName"] == "Alice Adams"
    app_only = await harness.graph.get("/me")
    assert "delegated" in assert_graph_error(app_only, 400, "BadRequest")


# -- control API --------------------------------------------------------------------------------


async def test_seeding_round_trips_and_null_restores_a_default(harness: GraphHarness) -> None:
    user = await seed(harness, CAROL, userType="Guest", hasTeamsLicense=True)
    assert (user["userType"], user["hasMailbox"], user["hasTeamsLicense"]) == ("Guest", False, True)
    again = await seed(harness, CAROL, userType=None)
    assert (again["userType"], again["hasMailbox"], again["hasTeamsLicense"]) == (
        "Member",
        True,
        True,
    )
    listed = (await harness.control.get("/_emulator/users")).json()["value"]
    assert [u["id"] for u in listed] == [CAROL]
    assert (await harness.control.delete(f"/_emulator/users/{CAROL}")).status_code == 204
    assert (await harness.control.get("/_emulator/users")).json()["value"] == []


async def test_seeding_a_name_and_mail_renames_the_calendar_owner(harness: GraphHarness) -> None:
    """Exchange takes a mailbox owner's name and address from the directory."""
    await seed(harness, ALICE, displayName="Alice Adams", mail="alice@contoso.com")
    calendar = (await harness.control.get(f"/_emulator/users/{ALICE}/calendar")).json()
    assert calendar["owner"] == {"name": "Alice Adams", "address": "alice@contoso.com"}


@pytest.mark.parametrize(
    "body",
    [
        {"userType": "Visitor"},
        {"hasMailbox": "no"},
        {"displayName": ""},
        {"applicationAccessPolicy": "maybe"},
        {"shoeSize": 42},
    ],
    ids=["user-type", "flag-type", "empty-name", "policy", "unknown"],
)
async def test_bad_user_seeds_are_refused(harness: GraphHarness, body: dict[str, Any]) -> None:
    response = await harness.control.put(f"/_emulator/users/{ALICE}", json=body)
    assert_graph_error(response, 400, "BadRequest")
    assert (await harness.control.get("/_emulator/users")).json()["value"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"directory": "ajar"},
        {"joinLinks": "tiny"},
        {"mailboxConcurrencyLimit": 0},
        {"mailboxConcurrencyLimit": True},
        {"timeZones": "strict"},
        {"colour": "blue"},
    ],
    ids=["directory", "links", "zero-limit", "bool-limit", "zones", "unknown"],
)
async def test_bad_tenant_settings_are_refused(harness: GraphHarness, body: dict[str, Any]) -> None:
    response = await harness.control.put("/_emulator/tenants/default", json=body)
    assert_graph_error(response, 400, "BadRequest")
    settings = (await harness.control.get(f"/_emulator/tenants/{TENANT}")).json()
    assert settings == {
        "directory": "open",
        "joinLinks": "long",
        "mailboxConcurrencyLimit": None,
        "timeZones": "lenient",
    }


async def test_reset_forgets_the_directory_and_tenant_settings(harness: GraphHarness) -> None:
    await seed_people(harness)
    await set_tenant(harness, joinLinks="short")
    assert (await harness.control.post("/_emulator/reset")).status_code == 204
    assert (await harness.control.get("/_emulator/users")).json()["value"] == []
    assert (await harness.control.get("/_emulator/tenants/default")).json()["joinLinks"] == "long"
