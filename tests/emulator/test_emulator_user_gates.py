"""Who the target user is changes Graph's answer: no mailbox, unknown, guest, no licence, policy."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from tests.emulator.test_emulator_directory import seed, set_tenant
from tests.emulator.test_emulator_events import event_body, online_body
from tests.support.contract import assert_valid_graph
from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    TENANT,
    GraphHarness,
    assert_event,
    assert_graph_error,
    assert_meeting,
    token,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

WINDOW = {"startDateTime": "2026-12-01T00:00:00Z", "endDateTime": "2026-12-02T00:00:00Z"}
NO_MAILBOX = "The mailbox is either inactive, soft-deleted, or is hosted on-premise."
APP = "5c1d6f2a-1111-4222-8333-944455556666"


def outlook_calls(user: str) -> list[tuple[str, str, dict[str, Any] | None]]:
    return [
        ("GET", f"/users/{user}/calendar", None),
        ("GET", f"/users/{user}/events", None),
        ("POST", f"/users/{user}/events", event_body()),
        ("GET", f"/users/{user}/calendarView?{urlencode(WINDOW)}", None),
    ]


def empty_forbidden(response: httpx.Response) -> None:
    """Graph's 403 with an empty message (assert_graph_error insists on a message)."""
    assert response.status_code == 403, response.text
    error = response.json()["error"]
    assert (error["code"], error["message"]) == ("Forbidden", "")
    inner = error["innerError"]
    with_offset = {"error": {**error, "innerError": {**inner, "date": inner["date"] + "Z"}}}
    assert_valid_graph(with_offset, "microsoft.graph.ODataErrors.ODataError", strict=True)


async def test_a_user_without_a_mailbox_gets_mailbox_not_enabled(harness: GraphHarness) -> None:
    """microsoft/MicrosoftCloud issue #41 and iyear/E5SubBot issue #39: 404
    MailboxNotEnabledForRESTAPI, "The mailbox is either inactive, soft-deleted, or is hosted
    on-premise." — for every Outlook call, and nothing is stored."""
    await seed(harness, BOB, hasMailbox=False)
    for method, path, body in outlook_calls(BOB):
        response = await harness.graph.request(method, path, json=body)
        message = assert_graph_error(response, 404, "MailboxNotEnabledForRESTAPI")
        assert message == NO_MAILBOX, path
    assert await harness.stored_events(BOB) == []


async def test_a_guest_has_no_mailbox_here_and_no_teams_meetings(harness: GraphHarness) -> None:
    """microsoft-graph-docs issue #17826 (guests: MailboxNotEnabledForRESTAPI) and #8889 / #794
    (a guest's onlineMeetings call is "a Forbidden without a reason")."""
    await seed(harness, BOB, userType="Guest", mail="bob@fabrikam.com")
    events = await harness.graph.post(f"/users/{BOB}/events", json=event_body())
    assert_graph_error(events, 404, "MailboxNotEnabledForRESTAPI")
    meeting = await harness.graph.post(
        f"/users/{BOB}/onlineMeetings/createOrGet", json={"externalId": "g"}
    )
    empty_forbidden(meeting)


async def test_without_a_teams_licence_meetings_are_forbidden(harness: GraphHarness) -> None:
    """microsoft-graph-docs issue #4832: createOrGet answered 403 Forbidden with message ""."""
    await seed(harness, BOB, hasTeamsLicense=False)
    empty_forbidden(await harness.graph.post(f"/users/{BOB}/onlineMeetings", json={"subject": "x"}))
    # The mailbox still works; a Teams event simply comes back without a meeting.
    event = assert_event(await harness.graph.post(f"/users/{BOB}/events", json=online_body()), 201)
    assert (event["isOnlineMeeting"], event["onlineMeeting"]) == (False, None)


@pytest.mark.parametrize(
    ("user", "shown"),
    [(BOB, f"{BOB}@{TENANT}"), ("nobody@contoso.com", "nobody@contoso.com")],
    ids=["object-id", "upn"],
)
async def test_an_unknown_user_is_error_invalid_user(
    harness: GraphHarness, user: str, shown: str
) -> None:
    """microsoft-graph-docs issues #7909 and #4097 ("The requested user '<oid>@<tid>' is
    invalid.") and microsoft-graph-explorer-v4 issue #4038 (a UPN is echoed as sent)."""
    await set_tenant(harness, directory="closed")
    for method, path, body in outlook_calls(user):
        response = await harness.graph.request(method, path, json=body)
        assert assert_graph_error(response, 404, "ErrorInvalidUser") == (
            f"The requested user '{shown}' is invalid."
        )


async def test_a_closed_directory_still_serves_its_seeded_users(harness: GraphHarness) -> None:
    """A seeded user's mailbox works; the path may name them by UPN, which is the same mailbox."""
    await set_tenant(harness, directory="closed")
    await seed(harness, ALICE, userPrincipalName="alice@contoso.com")
    assert_event(
        await harness.graph.post("/users/alice@contoso.com/events", json=event_body()), 201
    )
    assert len(await harness.stored_events(ALICE)) == 1
    events = await harness.graph.get(f"/users/{ALICE}/events")
    assert len(events.json()["value"]) == 1


async def test_no_application_access_policy_per_user(harness: GraphHarness) -> None:
    """msgraph-sdk-dotnet issue #2350: 403, code General, "No application access policy found
    for this app." — app-only calls only (the opaque local token is app-only)."""
    await seed(harness, BOB, applicationAccessPolicy="noPolicy")
    response = await harness.graph.post(
        f"/users/{BOB}/onlineMeetings/createOrGet", json={"externalId": "p"}
    )
    assert assert_graph_error(response, 403, "General") == (
        "No application access policy found for this app."
    )
    delegated = await harness.graph.post(
        "/me/onlineMeetings/createOrGet", json={"externalId": "p"}, headers=token(oid=BOB)
    )
    assert_meeting(delegated, 201)


async def test_not_authorized_wording_uses_the_tokens_app_id(harness: GraphHarness) -> None:
    """Microsoft's "Configure application access to online meetings" (Errors): 403
    Unauthorized, "App <app id> is not authorized to Create meeting on behalf of user <id>"."""
    await seed(harness, BOB, applicationAccessPolicy="notAuthorized")
    app_only = token(oid=None, scp=None, roles=["OnlineMeetings.ReadWrite.All"], appid=APP)
    response = await harness.graph.post(
        f"/users/{BOB}/onlineMeetings", json={"subject": "x"}, headers=app_only
    )
    assert assert_graph_error(response, 403, "Unauthorized") == (
        f"App {APP} is not authorized to Create meeting on behalf of user {BOB}"
    )
