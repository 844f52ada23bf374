"""Changing events in the emulator: PATCH rules for online meetings, cancel and delete."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.emulator.test_emulator_events import (
    EVENTS,
    NEW_YORK,
    create,
    event_body,
    fetch,
    join_url,
    online_body,
    patch,
)
from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    NOW,
    GraphHarness,
    assert_event,
    assert_graph_error,
)

pytest_plugins = ["tests.support.emulator_fixtures"]


def item(event_id: str, suffix: str = "") -> str:
    return f"{EVENTS}/{quote(event_id, safe='')}{suffix}"


async def calendar_view_ids(h: GraphHarness) -> list[str]:
    response = await h.graph.get(
        f"/users/{ALICE}/calendarView",
        params={"startDateTime": "2026-11-01T00:00:00Z", "endDateTime": "2027-01-01T00:00:00Z"},
    )
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["value"]]


# -- PATCH ------------------------------------------------------------------------------------


async def test_moving_an_online_event_keeps_its_join_link(harness: GraphHarness) -> None:
    event = await create(harness, online_body())
    moved = {
        "start": {"dateTime": "2026-12-02T10:00:00", "timeZone": "America/New_York"},
        "end": {"dateTime": "2026-12-02T10:30:00", "timeZone": "America/New_York"},
    }
    response = await harness.graph.patch(item(event["id"]), json=moved, headers=NEW_YORK)
    updated = assert_event(response)
    assert response.headers["Preference-Applied"] == 'outlook.timezone="America/New_York"'
    assert join_url(updated) == join_url(event)
    assert updated["start"] == {
        "dateTime": "2026-12-02T10:00:00.0000000",
        "timeZone": "America/New_York",
    }
    assert updated["changeKey"] != event["changeKey"]
    assert (await fetch(harness, event["id"]))["start"]["dateTime"] == "2026-12-02T15:00:00.0000000"


async def test_moving_only_the_start_keeps_the_end(harness: GraphHarness) -> None:
    event = await create(harness, event_body(zone="Pacific Standard Time"))
    earlier = {"start": {"dateTime": "2026-12-01T08:00:00", "timeZone": "Pacific Standard Time"}}
    updated = assert_event(await patch(harness, event["id"], earlier))
    assert updated["end"] == event["end"]
    assert updated["start"]["dateTime"] == "2026-12-01T16:00:00.0000000"
    late = {"start": {"dateTime": "2026-12-01T11:00:00", "timeZone": "Pacific Standard Time"}}
    assert_graph_error(await patch(harness, event["id"], late), 400, "ErrorInvalidRequest")


async def test_a_body_without_the_join_link_gets_a_new_join_link(harness: GraphHarness) -> None:
    """Graph: changing the body of an online event without its meeting blob loses the meeting."""
    event = await create(harness, online_body())
    new_body = {"body": {"contentType": "html", "content": "<p>New agenda</p>"}}
    updated = assert_event(await patch(harness, event["id"], new_body))
    assert join_url(updated) is not None
    assert join_url(updated) != join_url(event)
    assert updated["body"]["content"].startswith("<p>New agenda</p>")


async def test_a_body_that_keeps_the_join_block_keeps_the_link(harness: GraphHarness) -> None:
    event = await create(harness, online_body())
    content = event["body"]["content"] + "<p>PS: bring slides</p>"
    updated = assert_event(
        await patch(harness, event["id"], {"body": {"contentType": "html", "content": content}})
    )
    assert join_url(updated) == join_url(event)
    assert updated["body"]["content"].count(join_url(event) or "") == 1


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"isOnlineMeeting": False}, "can't be set to false"),
        ({"onlineMeetingProvider": "skypeForBusiness"}, "can't be changed"),
        (
            {"isOnlineMeeting": True, "onlineMeetingProvider": "skypeForConsumer"},
            "can't be changed",
        ),
    ],
    ids=["turn-off", "change-provider", "online-again-with-another-provider"],
)
async def test_an_online_event_stays_online_with_its_provider(
    harness: GraphHarness, change: dict[str, Any], fragment: str
) -> None:
    await harness.set_calendar(
        allowedOnlineMeetingProviders=["teamsForBusiness", "skypeForBusiness", "skypeForConsumer"]
    )
    event = await create(harness, online_body())
    response = await patch(harness, event["id"], {"subject": "Renamed", **change})
    assert fragment in assert_graph_error(response, 400, "ErrorInvalidRequest")
    unchanged = await fetch(harness, event["id"])
    assert (unchanged["subject"], join_url(unchanged)) == ("Review", join_url(event))


async def test_repeating_the_online_settings_is_harmless(harness: GraphHarness) -> None:
    event = await create(harness, online_body())
    same = {"isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"}
    assert join_url(assert_event(await patch(harness, event["id"], same))) == join_url(event)


async def test_an_event_can_be_made_online_and_its_link_follows_the_delay(
    harness: GraphHarness,
) -> None:
    event = await create(harness, event_body())
    await harness.set_join_url_delay(2)
    harness.clock.now = NOW + timedelta(minutes=5)
    make_online = {"isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"}
    updated = assert_event(await patch(harness, event["id"], make_online))
    assert (updated["isOnlineMeeting"], updated["onlineMeeting"]) == (True, None)
    harness.clock.now += timedelta(seconds=2)
    ready = await fetch(harness, event["id"])
    assert join_url(ready) is not None
    assert ready["lastModifiedDateTime"] == "2026-11-25T10:05:00.0000000Z"


async def test_making_online_with_a_provider_the_calendar_refuses_leaves_it_offline(
    harness: GraphHarness,
) -> None:
    await harness.set_calendar(allowedOnlineMeetingProviders=["skypeForBusiness"])
    event = await create(harness, event_body())
    make_online = {"isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"}
    updated = assert_event(await patch(harness, event["id"], make_online))
    assert (updated["isOnlineMeeting"], updated["onlineMeeting"]) == (False, None)


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"transactionId": "another"}, 400, "ErrorInvalidRequest"),
        ({"subjekt": "typo"}, 400, "BadRequest"),
        ({"isOnlineMeeting": "yes"}, 400, "BadRequest"),
        (
            {"end": {"dateTime": "2026-12-01T10:00:00", "timeZone": "Moon"}},
            400,
            "TimeZoneNotSupportedException",
        ),
        ({"recurrence": {"pattern": {"type": "daily", "interval": 1}}}, 501, "NotImplemented"),
    ],
    ids=["transaction-id", "unknown-property", "wrong-type", "bad-zone", "recurrence"],
)
async def test_refused_patches_change_nothing(
    harness: GraphHarness, change: dict[str, Any], status: int, code: str
) -> None:
    event = await create(harness, event_body(transactionId="tx"))
    assert_graph_error(await patch(harness, event["id"], change), status, code)
    [stored] = await harness.stored_events()
    assert stored["changeKey"] == event["changeKey"]


async def test_attendees_and_locations_are_replaced(harness: GraphHarness) -> None:
    event = await create(
        harness, event_body(attendees=[{"emailAddress": {"address": "ann@contoso.com"}}])
    )
    change = {
        "attendees": [
            {"emailAddress": {"address": "ANN@contoso.com"}},
            {"emailAddress": {"address": "bob@contoso.com"}, "type": "optional"},
        ],
        "locations": [{"displayName": "Room 1"}, {"displayName": "Home"}],
    }
    updated = assert_event(await patch(harness, event["id"], change))
    assert [a["type"] for a in updated["attendees"]] == ["required", "optional"]
    assert updated["location"]["displayName"] == "Room 1; Home"
    assert [p["displayName"] for p in updated["locations"]] == ["Room 1", "Home"]


# -- cancel and delete ------------------------------------------------------------------------


async def test_cancel_answers_202_and_the_event_leaves_the_calendar(harness: GraphHarness) -> None:
    event = await create(harness, online_body(attendees=[{"emailAddress": {"address": "a@b.c"}}]))
    assert await calendar_view_ids(harness) == [event["id"]]

    response = await harness.graph.post(item(event["id"], "/cancel"), json={"comment": "Sorry"})

    assert response.status_code == 202
    assert response.content == b""
    [stored] = await harness.stored_events()
    assert stored["isCancelled"] is True
    assert stored["@emulator.cancellationComment"] == "Sorry"
    assert (await fetch(harness, event["id"]))["isCancelled"] is True
    assert await calendar_view_ids(harness) == []
    again = await harness.graph.post(item(event["id"], "/cancel"), json={})
    assert "already been canceled" in assert_graph_error(again, 400, "ErrorInvalidRequest")
    renamed = await patch(harness, event["id"], {"subject": "Back on"})
    assert "canceled" in assert_graph_error(renamed, 400, "ErrorInvalidRequest")


@pytest.mark.parametrize(
    "content",
    [b"", b"{}", b'{"Comment": "Docs example spelling"}', b'{"comment": null}'],
    ids=["no-body", "empty-object", "capitalised", "null-comment"],
)
async def test_cancel_takes_an_optional_comment(harness: GraphHarness, content: bytes) -> None:
    event = await create(harness, event_body())
    response = await harness.graph.post(
        item(event["id"], "/cancel"), content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 202, response.text


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b'{"reason": "x"}', "not a valid parameter for the operation 'cancel'"),
        (b'{"comment": 5}', "Edm.String"),
        (b'{"comment": ', "Unable to read JSON"),
    ],
    ids=["unknown-parameter", "number", "malformed"],
)
async def test_cancel_rejects_bad_bodies(
    harness: GraphHarness, content: bytes, fragment: str
) -> None:
    event = await create(harness, event_body())
    response = await harness.graph.post(
        item(event["id"], "/cancel"), content=content, headers={"Content-Type": "application/json"}
    )
    assert fragment in assert_graph_error(response, 400, "BadRequest")
    assert (await fetch(harness, event["id"]))["isCancelled"] is False


async def test_delete_removes_the_event(harness: GraphHarness) -> None:
    event = await create(harness, event_body(transactionId="del"))
    deleted = await harness.graph.delete(item(event["id"]))
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert_graph_error(await harness.graph.get(item(event["id"])), 404, "ErrorItemNotFound")
    assert_graph_error(await harness.graph.delete(item(event["id"])), 404, "ErrorItemNotFound")
    assert await harness.stored_events() == []


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
async def test_another_users_event_cannot_be_touched(harness: GraphHarness, method: str) -> None:
    event = await create(harness, event_body())
    path = f"/users/{BOB}/events/{quote(event['id'], safe='')}"
    kwargs: dict[str, Any] = {"json": {"subject": "x"}} if method == "PATCH" else {}
    response: httpx.Response = await harness.graph.request(method, path, **kwargs)
    assert_graph_error(response, 404, "ErrorItemNotFound")
    assert (await fetch(harness, event["id"]))["subject"] == "Review"
