"""The emulator's onlineMeetings API against Microsoft's documented behaviour and schema."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from tests.support.contract import assert_valid_graph
from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    NOW,
    OPAQUE,
    OTHER_TENANT,
    TENANT,
    GraphHarness,
    assert_graph_error,
    assert_meeting,
    token,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

ALICE_MEETINGS = f"/users/{ALICE}/onlineMeetings"
CREATE_OR_GET = f"{ALICE_MEETINGS}/createOrGet"
JOIN_URL = re.compile(
    r"^https://teams\.microsoft\.com/l/meetup-join/19%3ameeting_([A-Za-z0-9]+)%40thread\.v2/0"
    r"\?context=(%7b.*%7d)$"
)


async def create_or_get(h: GraphHarness, body: dict[str, Any], path: str = CREATE_OR_GET) -> Any:
    return await h.graph.post(path, json=body)


# -- createOrGet ------------------------------------------------------------------------------


async def test_create_or_get_creates_then_returns_the_existing_meeting_unchanged(
    harness: GraphHarness,
) -> None:
    first = assert_meeting(await create_or_get(harness, {"externalId": "x1", "subject": "A"}), 201)
    again = await create_or_get(harness, {"externalId": "x1", "subject": "Changed"})
    second = assert_meeting(again, 200)
    assert second == first
    assert second["subject"] == "A"
    assert second["externalId"] == "x1"


async def test_the_control_api_lists_a_users_stored_meetings_until_deleted(
    harness: GraphHarness,
) -> None:
    """Graph can only look a meeting up; tests ask the emulator what exists."""
    made = assert_meeting(await create_or_get(harness, {"externalId": "x1", "subject": "A"}), 201)
    listed = (await harness.control.get(f"/_emulator/users/{ALICE}/onlineMeetings")).json()
    assert [m["id"] for m in listed] == [made["id"]]

    await harness.graph.delete(f"{ALICE_MEETINGS}/{made['id']}")

    assert (await harness.control.get(f"/_emulator/users/{ALICE}/onlineMeetings")).json() == []


async def test_same_external_id_for_two_users_gives_two_meetings(harness: GraphHarness) -> None:
    alice = assert_meeting(await create_or_get(harness, {"externalId": "same"}), 201)
    bob_path = f"/users/{BOB}/onlineMeetings/createOrGet"
    bob = assert_meeting(await create_or_get(harness, {"externalId": "same"}, bob_path), 201)
    assert alice["id"] != bob["id"]
    assert alice["joinWebUrl"] != bob["joinWebUrl"]
    assert bob["participants"]["organizer"]["identity"]["user"]["id"] == BOB


async def test_same_user_and_external_id_in_two_tenants_gives_two_meetings(
    harness: GraphHarness,
) -> None:
    ours = await harness.graph.post(CREATE_OR_GET, json={"externalId": "e"}, headers=token())
    theirs = await harness.graph.post(
        CREATE_OR_GET, json={"externalId": "e"}, headers=token(tid=OTHER_TENANT)
    )
    assert assert_meeting(ours, 201)["id"] != assert_meeting(theirs, 201)["id"]


async def test_without_start_and_end_the_meeting_starts_now_for_one_hour(
    harness: GraphHarness,
) -> None:
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "now"}), 201)
    assert meeting["startDateTime"] == "2026-11-25T10:00:00.0000000Z"
    assert meeting["endDateTime"] == "2026-11-25T11:00:00.0000000Z"
    assert meeting["creationDateTime"] == "2026-11-25T10:00:00.0000000Z"


async def test_the_default_start_follows_the_clock(harness: GraphHarness) -> None:
    harness.clock.now = NOW + timedelta(days=1, minutes=30)
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "later"}), 201)
    assert meeting["startDateTime"] == "2026-11-26T10:30:00.0000000Z"


@pytest.mark.parametrize(
    ("start", "expected_start", "expected_end"),
    [
        ("2026-12-01T09:00:00Z", "2026-12-01T09:00:00.0000000Z", "2026-12-01T10:00:00.0000000Z"),
        (
            "2026-12-01T09:00:00.1234567+02:00",
            "2026-12-01T07:00:00.1234560Z",
            "2026-12-01T08:00:00.1234560Z",
        ),
        ("2026-12-01T09:00:00", "2026-12-01T09:00:00.0000000Z", "2026-12-01T10:00:00.0000000Z"),
    ],
    ids=["utc", "offset-and-7-digits", "naive-is-utc"],
)
async def test_with_start_only_the_meeting_lasts_one_hour(
    harness: GraphHarness, start: str, expected_start: str, expected_end: str
) -> None:
    body = {"externalId": f"start-{start}", "startDateTime": start}
    meeting = assert_meeting(await create_or_get(harness, body), 201)
    assert (meeting["startDateTime"], meeting["endDateTime"]) == (expected_start, expected_end)


async def test_start_and_end_are_kept(harness: GraphHarness) -> None:
    body = {
        "externalId": "both",
        "startDateTime": "2026-12-01T09:00:00-05:00",
        "endDateTime": "2026-12-01T09:30:00-05:00",
    }
    meeting = assert_meeting(await create_or_get(harness, body), 201)
    assert meeting["startDateTime"] == "2026-12-01T14:00:00.0000000Z"
    assert meeting["endDateTime"] == "2026-12-01T14:30:00.0000000Z"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"externalId": "e", "endDateTime": "2026-12-01T10:00:00Z"}, "without startDateTime"),
        (
            {
                "externalId": "e",
                "startDateTime": "2026-12-01T10:00:00Z",
                "endDateTime": "2026-12-01T09:59:59Z",
            },
            "earlier than",
        ),
        ({"subject": "no id"}, "externalId"),
        ({"externalId": ""}, "externalId"),
        ({"externalId": None}, "externalId"),
        ({"externalId": 42}, "Edm.String"),
    ],
    ids=[
        "end-without-start",
        "end-before-start",
        "no-external-id",
        "empty-external-id",
        "null-external-id",
        "numeric-external-id",
    ],
)
async def test_create_or_get_rejects_invalid_requests(
    harness: GraphHarness, body: dict[str, Any], fragment: str
) -> None:
    message = assert_graph_error(await create_or_get(harness, body), 400, "BadRequest")
    assert fragment in message


async def test_response_describes_the_meeting_like_graph(harness: GraphHarness) -> None:
    body = {
        "externalId": "full",
        "subject": "Planning",
        "participants": {
            "attendees": [
                {"identity": {"user": {"id": BOB}}, "upn": "bob@contoso.com", "role": "Attendee"}
            ]
        },
    }
    meeting = assert_meeting(await create_or_get(harness, body), 201)
    match = JOIN_URL.match(meeting["joinWebUrl"])
    assert match is not None, meeting["joinWebUrl"]
    assert meeting["chatInfo"] == {
        "threadId": f"19:meeting_{match.group(1)}@thread.v2",
        "messageId": "0",
        "replyChainMessageId": None,
    }
    assert json.loads(unquote(match.group(2))) == {"Tid": TENANT, "Oid": ALICE}
    assert meeting["participants"]["organizer"] == {
        "upn": None,
        "role": "presenter",
        "identity": {"user": {"id": ALICE, "displayName": None}},
    }
    assert meeting["participants"]["attendees"] == [
        {"identity": {"user": {"id": BOB}}, "upn": "bob@contoso.com", "role": "attendee"}
    ]
    assert meeting["subject"] == "Planning"
    assert meeting["@odata.context"].endswith(
        f"/v1.0/$metadata#users('{ALICE}')/onlineMeetings/$entity"
    )
    settings = meeting["joinMeetingIdSettings"]
    assert re.fullmatch(r"\d{12}", settings["joinMeetingId"])
    assert settings["isPasscodeRequired"] is True
    assert re.fullmatch(r"[A-Za-z0-9]{6}", settings["passcode"])
    assert re.fullmatch(r"\d{10}", meeting["videoTeleconferenceId"])
    assert meeting["allowedPresenters"] == "everyone"
    assert meeting["lobbyBypassSettings"] == {
        "scope": "organization",
        "isDialInBypassEnabled": False,
    }
    assert meeting["isEntryExitAnnounced"] is True


async def test_responses_carry_request_ids_and_echo_the_client_request_id(
    harness: GraphHarness,
) -> None:
    response = await harness.graph.post(
        CREATE_OR_GET, json={"externalId": "ids"}, headers={"client-request-id": "abc-123"}
    )
    assert response.headers["client-request-id"] == "abc-123"
    assert re.fullmatch(r"[0-9a-f-]{36}", response.headers["request-id"])


# -- POST /onlineMeetings ---------------------------------------------------------------------


async def test_create_always_makes_a_new_meeting_and_keeps_its_settings(
    harness: GraphHarness,
) -> None:
    body = {
        "subject": "Review",
        "startDateTime": "2026-12-02T15:00:00Z",
        "endDateTime": "2026-12-02T15:45:00Z",
        "allowedPresenters": "Organization",
        "lobbyBypassSettings": {"scope": "EVERYONE"},
        "joinMeetingIdSettings": {"isPasscodeRequired": False},
        "isEntryExitAnnounced": False,
    }
    first = assert_meeting(await harness.graph.post(ALICE_MEETINGS, json=body), 201)
    second = assert_meeting(await harness.graph.post(ALICE_MEETINGS, json=body), 201)
    assert first["id"] != second["id"]
    assert first["allowedPresenters"] == "organization"
    assert first["lobbyBypassSettings"] == {"scope": "everyone", "isDialInBypassEnabled": False}
    assert first["joinMeetingIdSettings"]["passcode"] is None
    assert first["isEntryExitAnnounced"] is False
    assert first["endDateTime"] == "2026-12-02T15:45:00.0000000Z"
    assert first["externalId"] is None


async def test_create_ignores_values_the_service_owns(harness: GraphHarness) -> None:
    body = {"id": "mine", "joinWebUrl": "https://example.com", "subject": "S"}
    meeting = assert_meeting(await harness.graph.post(ALICE_MEETINGS, json=body), 201)
    assert meeting["id"] != "mine"
    assert JOIN_URL.match(meeting["joinWebUrl"])


# -- /me and authentication -------------------------------------------------------------------


async def test_me_acts_as_the_signed_in_user_of_the_token(harness: GraphHarness) -> None:
    created = await harness.graph.post(
        "/me/onlineMeetings/createOrGet", json={"externalId": "me"}, headers=token(oid=BOB)
    )
    meeting = assert_meeting(created, 201)
    assert meeting["participants"]["organizer"]["identity"]["user"]["id"] == BOB
    assert f"users('{BOB}')" in meeting["@odata.context"]
    via_users = await harness.graph.get(f"/users/{BOB}/onlineMeetings/{meeting['id']}")
    assert assert_meeting(via_users)["id"] == meeting["id"]
    again = await harness.graph.post(
        f"/users/{BOB}/onlineMeetings/createOrGet", json={"externalId": "me"}
    )
    assert assert_meeting(again, 200)["id"] == meeting["id"]


@pytest.mark.parametrize(
    "headers",
    [OPAQUE, token(oid=None), token(roles=["OnlineMeetings.ReadWrite.All"], scp=None)],
    ids=["opaque-token", "jwt-without-oid", "app-only-jwt"],
)
async def test_me_needs_a_delegated_token(harness: GraphHarness, headers: dict[str, str]) -> None:
    response = await harness.graph.post(
        "/me/onlineMeetings/createOrGet", json={"externalId": "x"}, headers=headers
    )
    message = assert_graph_error(response, 400, "BadRequest")
    assert message == "/me request is only valid with delegated authentication flow."


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Access token is empty."),
        ("Bearer", "Access token is empty."),
        ("Basic dXNlcjpwYXNz", "Access token validation failure. Expected a Bearer token."),
    ],
    ids=["missing", "empty-bearer", "basic"],
)
async def test_graph_calls_need_a_bearer_token(
    harness: GraphHarness, authorization: str | None, message: str
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    async with httpx.AsyncClient(base_url=harness.running.base_url, headers=headers) as anonymous:
        response = await anonymous.post(CREATE_OR_GET, json={"externalId": "x"})
    assert assert_graph_error(response, 401, "InvalidAuthenticationToken") == message
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert (await harness.graph.get(f"{ALICE_MEETINGS}/anything")).status_code == 404


async def test_an_expired_jwt_is_still_accepted_in_local_mode(harness: GraphHarness) -> None:
    headers = token(exp=1, aud="https://graph.microsoft.com")
    response = await harness.graph.post(CREATE_OR_GET, json={"externalId": "old"}, headers=headers)
    assert_meeting(response, 201)


# -- GET, $filter, DELETE ---------------------------------------------------------------------


async def test_get_returns_the_meeting_to_its_owner_only(harness: GraphHarness) -> None:
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "g"}), 201)
    fetched = assert_meeting(await harness.graph.get(f"{ALICE_MEETINGS}/{meeting['id']}"))
    assert fetched == meeting
    as_bob = await harness.graph.get(f"/users/{BOB}/onlineMeetings/{meeting['id']}")
    assert_graph_error(as_bob, 404, "NotFound")
    other_tenant = await harness.graph.get(
        f"{ALICE_MEETINGS}/{meeting['id']}", headers=token(tid=OTHER_TENANT)
    )
    assert_graph_error(other_tenant, 404, "NotFound")
    assert_graph_error(await harness.graph.get(f"{ALICE_MEETINGS}/nope"), 404, "NotFound")


async def test_filter_by_join_web_url_finds_the_meeting(harness: GraphHarness) -> None:
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "f"}), 201)
    assert_meeting(await create_or_get(harness, {"externalId": "other"}), 201)
    url = meeting["joinWebUrl"]
    response = await harness.graph.get(ALICE_MEETINGS, params={"$filter": f"JoinWebUrl eq '{url}'"})
    assert response.status_code == 200, response.text
    collection = response.json()
    assert_valid_graph(collection, "microsoft.graph.onlineMeetingCollectionResponse")
    assert [m["id"] for m in collection["value"]] == [meeting["id"]]
    as_bob = await harness.graph.get(
        f"/users/{BOB}/onlineMeetings", params={"$filter": f"JoinWebUrl eq '{url}'"}
    )
    assert as_bob.json()["value"] == []


async def test_filter_matches_a_join_url_sent_without_its_own_encoding(
    harness: GraphHarness,
) -> None:
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "raw"}), 201)
    raw = f"$filter=JoinWebUrl eq '{meeting['joinWebUrl']}'"  # %3a etc. decoded by the server
    response = await harness.graph.get(f"{ALICE_MEETINGS}?{raw}")
    assert [m["id"] for m in response.json()["value"]] == [meeting["id"]]


async def test_filter_by_join_meeting_id(harness: GraphHarness) -> None:
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "jm"}), 201)
    join_id = meeting["joinMeetingIdSettings"]["joinMeetingId"]
    response = await harness.graph.get(
        ALICE_MEETINGS, params={"$filter": f"joinMeetingIdSettings/joinMeetingId eq '{join_id}'"}
    )
    assert [m["id"] for m in response.json()["value"]] == [meeting["id"]]


@pytest.mark.parametrize(
    "params",
    [{}, {"$filter": "subject eq 'x'"}, {"$filter": "JoinWebUrl eq unquoted"}, {"$top": "5"}],
    ids=["no-filter", "unsupported-property", "bad-literal", "top-only"],
)
async def test_listing_needs_a_join_web_url_filter(
    harness: GraphHarness, params: dict[str, str]
) -> None:
    response = await harness.graph.get(ALICE_MEETINGS, params=params)
    assert "JoinWebUrl" in assert_graph_error(response, 400, "BadRequest")


async def test_delete_removes_the_meeting_and_frees_its_external_id(
    harness: GraphHarness,
) -> None:
    meeting = assert_meeting(await create_or_get(harness, {"externalId": "d"}), 201)
    path = f"{ALICE_MEETINGS}/{meeting['id']}"
    as_bob = await harness.graph.delete(f"/users/{BOB}/onlineMeetings/{meeting['id']}")
    assert_graph_error(as_bob, 404, "NotFound")
    deleted = await harness.graph.delete(path)
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert_graph_error(await harness.graph.get(path), 404, "NotFound")
    assert_graph_error(await harness.graph.delete(path), 404, "NotFound")
    recreated = assert_meeting(await create_or_get(harness, {"externalId": "d"}), 201)
    assert recreated["id"] != meeting["id"]


# -- request bodies judged by Microsoft's schema ---------------------------------------------


async def test_unknown_property_is_rejected_like_odata(harness: GraphHarness) -> None:
    response = await harness.graph.post(ALICE_MEETINGS, json={"subjekt": "typo"})
    assert assert_graph_error(response, 400, "BadRequest") == (
        "The property 'subjekt' does not exist on type 'microsoft.graph.onlineMeeting'. Make "
        "sure to only use property names that are defined by the type or mark the type as "
        "open type."
    )


async def test_unknown_nested_property_names_its_type(harness: GraphHarness) -> None:
    body = {
        "externalId": "n",
        "participants": {"attendees": [{"identity": {"user": {"mail": "x"}}}]},
    }
    message = assert_graph_error(await create_or_get(harness, body), 400, "BadRequest")
    assert "'mail' does not exist on type 'microsoft.graph.identity'" in message


async def test_unknown_create_or_get_parameter_names_the_operation(harness: GraphHarness) -> None:
    response = await create_or_get(harness, {"externalId": "p", "allowedPresenters": "everyone"})
    message = assert_graph_error(response, 400, "BadRequest")
    assert message == (
        "The parameter 'allowedPresenters' in the request payload is not a valid parameter "
        "for the operation 'createOrGet'."
    )


async def test_annotations_in_request_bodies_are_accepted(harness: GraphHarness) -> None:
    body = {"@odata.type": "#microsoft.graph.onlineMeeting", "subject": "typed"}
    meeting = assert_meeting(await harness.graph.post(ALICE_MEETINGS, json=body), 201)
    assert "@odata.type" not in meeting


BAD_BODIES: list[tuple[str, str | bytes, str]] = [
    ("malformed-json", b'{"externalId": ', "Unable to read JSON"),
    ("empty-body", b"", "Empty Payload"),
    ("json-array", b"[]", "Unable to read JSON"),
    ("json-string", b'"x"', "Unable to read JSON"),
    ("nan", b'{"externalId": NaN}', "Unable to read JSON"),
    ("not-utf8", b'{"externalId": "\xff"}', "Unable to read JSON"),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000, "Unable to read JSON"),
    ("subject-number", json.dumps({"externalId": "b", "subject": 5}), "Edm.String"),
    ("bad-date", json.dumps({"externalId": "b", "startDateTime": "tomorrow"}), "DateTimeOffset"),
    ("date-only", json.dumps({"externalId": "b", "startDateTime": "2026-12-01"}), "DateTime"),
    ("participants-list", json.dumps({"externalId": "b", "participants": []}), "participants"),
    (
        "attendees-object",
        json.dumps({"externalId": "b", "participants": {"attendees": {}}}),
        "attendees",
    ),
    (
        "bad-role",
        json.dumps({"externalId": "b", "participants": {"attendees": [{"role": "boss"}]}}),
        "onlineMeetingRole",
    ),
    (
        "identity-string",
        json.dumps({"externalId": "b", "participants": {"organizer": {"identity": "me"}}}),
        "identity",
    ),
]


@pytest.mark.parametrize(
    ("body", "fragment"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES]
)
async def test_bad_bodies_get_a_400_never_a_500(
    harness: GraphHarness, body: str | bytes, fragment: str
) -> None:
    response = await harness.graph.post(
        CREATE_OR_GET, content=body, headers={"Content-Type": "application/json"}
    )
    assert fragment in assert_graph_error(response, 400, "BadRequest")
    assert await harness.internal_errors() == 0


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/nothing-here", 404, "NotFound"),
        ("GET", "/groups", 404, "NotFound"),
        ("GET", f"{ALICE_MEETINGS}/a/b", 404, "NotFound"),
        ("PUT", ALICE_MEETINGS, 405, "MethodNotAllowed"),
        ("PATCH", CREATE_OR_GET, 405, "MethodNotAllowed"),
    ],
    ids=["unknown-root", "groups-collection", "too-deep", "put", "patch"],
)
async def test_unknown_routes_answer_with_a_graph_error(
    harness: GraphHarness, method: str, path: str, status: int, code: str
) -> None:
    assert_graph_error(await harness.graph.request(method, path), status, code)


async def test_paths_outside_graph_also_get_a_json_404(harness: GraphHarness) -> None:
    response = await harness.control.get("/index.html")
    assert_graph_error(response, 404, "NotFound")
    assert "<html" not in response.text.lower()


async def test_a_date_time_that_overflows_is_a_400_not_a_500(harness: GraphHarness) -> None:
    response = await create_or_get(
        harness, {"externalId": "overflow", "startDateTime": "0001-01-01T00:00:00+05:00"}
    )
    assert_graph_error(response, 400, "BadRequest")
    assert await harness.internal_errors() == 0
