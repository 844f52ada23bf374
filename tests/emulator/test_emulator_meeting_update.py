"""PATCH .../onlineMeetings/{id} as Microsoft's "Update onlineMeeting" page describes it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    GraphHarness,
    assert_graph_error,
    assert_meeting,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

MEETINGS = f"/users/{ALICE}/onlineMeetings"


async def new_meeting(h: GraphHarness) -> dict[str, Any]:
    body = {
        "externalId": "upd",
        "subject": "Before",
        "startDateTime": "2026-12-01T09:00:00Z",
        "endDateTime": "2026-12-01T10:00:00Z",
        "participants": {"attendees": [{"upn": "ann@contoso.com"}]},
    }
    return assert_meeting(await h.graph.post(f"{MEETINGS}/createOrGet", json=body), 201)


async def test_start_end_and_subject_are_updated_and_the_link_kept(harness: GraphHarness) -> None:
    meeting = await new_meeting(harness)
    change = {
        "startDateTime": "2026-12-02T14:30:00-05:00",
        "endDateTime": "2026-12-02T15:00:00-05:00",
        "subject": "After",
    }
    updated = assert_meeting(await harness.graph.patch(f"{MEETINGS}/{meeting['id']}", json=change))
    assert (updated["startDateTime"], updated["endDateTime"]) == (
        "2026-12-02T19:30:00.0000000Z",
        "2026-12-02T20:00:00.0000000Z",
    )
    assert updated["subject"] == "After"
    assert updated["joinWebUrl"] == meeting["joinWebUrl"]
    assert updated["@odata.context"].endswith(f"users('{ALICE}')/onlineMeetings/$entity")
    fetched = assert_meeting(await harness.graph.get(f"{MEETINGS}/{meeting['id']}"))
    assert fetched == updated
    again = await harness.graph.post(f"{MEETINGS}/createOrGet", json={"externalId": "upd"})
    assert assert_meeting(again)["subject"] == "After"


async def test_attendees_are_replaced_and_lobby_settings_merged(harness: GraphHarness) -> None:
    meeting = await new_meeting(harness)
    change = {
        "participants": {"attendees": [{"upn": "bob@contoso.com", "role": "Presenter"}]},
        "allowedPresenters": "roleIsPresenter",
        "lobbyBypassSettings": {"isDialInBypassEnabled": True},
    }
    updated = assert_meeting(await harness.graph.patch(f"{MEETINGS}/{meeting['id']}", json=change))
    assert updated["participants"]["attendees"] == [{"upn": "bob@contoso.com", "role": "presenter"}]
    assert updated["participants"]["organizer"] == meeting["participants"]["organizer"]
    assert updated["lobbyBypassSettings"] == {
        "scope": "organization",
        "isDialInBypassEnabled": True,
    }


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"startDateTime": "2026-12-01T11:00:00Z"}, "requires both startDateTime and endDateTime"),
        (
            {"startDateTime": "2026-12-01T11:00:00Z", "endDateTime": "2026-12-01T10:00:00Z"},
            "earlier than",
        ),
        (
            {"participants": {"organizer": {"identity": {"user": {"id": BOB}}}}},
            "organizer of the meeting can't be modified",
        ),
        ({"externalId": "other"}, "'externalId' of an online meeting can't be updated"),
        (
            {"joinWebUrl": "https://example.com"},
            "'joinWebUrl' of an online meeting can't be updated",
        ),
        ({"subjekt": "typo"}, "'subjekt' does not exist on type 'microsoft.graph.onlineMeeting'"),
        ({"allowedPresenters": "boss"}, "onlineMeetingPresenters"),
    ],
    ids=[
        "start-alone",
        "end-before-start",
        "organizer",
        "external-id",
        "join-url",
        "unknown-property",
        "bad-enum",
    ],
)
async def test_refused_updates_change_nothing(
    harness: GraphHarness, change: dict[str, Any], fragment: str
) -> None:
    meeting = await new_meeting(harness)
    response = await harness.graph.patch(f"{MEETINGS}/{meeting['id']}", json=change)
    assert fragment in assert_graph_error(response, 400, "BadRequest")
    assert assert_meeting(await harness.graph.get(f"{MEETINGS}/{meeting['id']}")) == meeting


async def test_unknown_or_foreign_meetings_are_not_found(harness: GraphHarness) -> None:
    meeting = await new_meeting(harness)
    change = {"subject": "x"}
    as_bob = await harness.graph.patch(f"/users/{BOB}/onlineMeetings/{meeting['id']}", json=change)
    assert_graph_error(as_bob, 404, "NotFound")
    assert_graph_error(await harness.graph.patch(f"{MEETINGS}/nope", json=change), 404, "NotFound")


async def test_create_or_get_is_still_not_patchable(harness: GraphHarness) -> None:
    response = await harness.graph.patch(f"{MEETINGS}/createOrGet", json={"subject": "x"})
    assert_graph_error(response, 405, "MethodNotAllowed")
    assert response.headers["Allow"] == "POST"
