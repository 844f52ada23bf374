"""The emulator's events API against Microsoft's documented behaviour and schema."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any
from urllib.parse import quote, unquote

import pytest

from tests.support.contract import assert_valid_graph
from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    NOW,
    OTHER_TENANT,
    TENANT,
    GraphHarness,
    assert_event,
    assert_graph_error,
    token,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

EVENTS = f"/users/{ALICE}/events"
TEAMS_JOIN_URL = re.compile(
    r"^https://teams\.microsoft\.com/l/meetup-join/19%3ameeting_[A-Za-z0-9]+%40thread\.v2/0"
    r"\?context=(%7b.*%7d)$"
)
NEW_YORK = {"Prefer": 'outlook.timezone="America/New_York"'}


def event_body(
    subject: str = "Review",
    start: str = "2026-12-01T09:00:00",
    end: str = "2026-12-01T10:00:00",
    zone: str = "UTC",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "subject": subject,
        "start": {"dateTime": start, "timeZone": zone},
        "end": {"dateTime": end, "timeZone": zone},
        **extra,
    }


def online_body(**extra: Any) -> dict[str, Any]:
    return event_body(isOnlineMeeting=True, onlineMeetingProvider="teamsForBusiness", **extra)


async def create(h: GraphHarness, body: dict[str, Any], **headers: str) -> dict[str, Any]:
    return assert_event(await h.graph.post(EVENTS, json=body, headers=headers), 201)


async def fetch(h: GraphHarness, event_id: str, **params: str) -> dict[str, Any]:
    return assert_event(await h.graph.get(f"{EVENTS}/{quote(event_id, safe='')}", params=params))


async def patch(h: GraphHarness, event_id: str, body: dict[str, Any]) -> Any:
    return await h.graph.patch(f"{EVENTS}/{quote(event_id, safe='')}", json=body)


def join_url(event: dict[str, Any]) -> str | None:
    online = event.get("onlineMeeting")
    return online["joinUrl"] if online else None


# -- create -----------------------------------------------------------------------------------


async def test_an_online_event_gets_a_teams_link_and_graphs_defaults(harness: GraphHarness) -> None:
    body = online_body(
        body={"contentType": "HTML", "content": "<p>Agenda</p>"},
        attendees=[
            {"emailAddress": {"address": "ann@contoso.com", "name": "Ann"}, "type": "Required"}
        ],
        location={"displayName": "Room 1"},
        transactionId="tx-1",
    )
    event = await create(harness, body)

    match = TEAMS_JOIN_URL.match(join_url(event) or "")
    assert match is not None, event["onlineMeeting"]
    assert json.loads(unquote(match.group(1))) == {"Tid": TENANT, "Oid": ALICE}
    online = event["onlineMeeting"]
    assert re.fullmatch(r"\d{9}", online["conferenceId"])
    assert online["tollNumber"]
    assert event["isOnlineMeeting"] is True
    assert event["onlineMeetingProvider"] == "teamsForBusiness"
    assert event["onlineMeetingUrl"] is None  # deprecated: never set
    assert event["@odata.context"].endswith(f"/v1.0/$metadata#users('{ALICE}')/events/$entity")
    assert event["@odata.etag"] == f'W/"{event["changeKey"]}"'
    assert (
        event["createdDateTime"] == event["lastModifiedDateTime"] == "2026-11-25T10:00:00.0000000Z"
    )
    assert event["transactionId"] == "tx-1"
    assert event["organizer"] == {
        "emailAddress": {"name": ALICE, "address": f"{ALICE}@emulator.local"}
    }
    assert event["attendees"] == [
        {
            "type": "required",
            "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
            "emailAddress": {"address": "ann@contoso.com", "name": "Ann"},
        }
    ]
    assert event["responseStatus"] == {"response": "organizer", "time": "0001-01-01T00:00:00Z"}
    expected = {
        "isCancelled": False,
        "isOrganizer": True,
        "showAs": "busy",
        "importance": "normal",
        "sensitivity": "normal",
        "type": "singleInstance",
        "allowNewTimeProposals": True,
        "subject": "Review",
    }
    assert {key: event[key] for key in expected} == expected
    assert event["location"]["displayName"] == "Room 1"
    assert event["locations"] == [event["location"]]
    assert event["body"]["contentType"] == "html"
    assert event["body"]["content"].startswith("<p>Agenda</p>")
    assert join_url(event) in event["body"]["content"]  # Graph appends the join block
    assert quote(event["id"], safe="") in event["webLink"]
    [stored] = await harness.stored_events()
    assert_valid_graph(stored, "microsoft.graph.event", strict=True)


async def test_an_event_without_extras_has_an_empty_html_body_and_no_transaction_id(
    harness: GraphHarness,
) -> None:
    event = await create(harness, event_body())
    assert event["body"] == {"contentType": "html", "content": ""}
    assert event["bodyPreview"] == ""
    assert "transactionId" not in event
    assert (event["isOnlineMeeting"], event["onlineMeeting"]) == (False, None)
    assert event["onlineMeetingProvider"] == "unknown"
    assert event["location"]["displayName"] == ""
    assert event["locations"] == []


@pytest.mark.parametrize(
    ("allowed", "default", "provider", "expected"),
    [
        (["skypeForBusiness"], "skypeForBusiness", "teamsForBusiness", None),
        (["unknown"], "unknown", None, None),
        (["teamsForBusiness", "skypeForBusiness"], "teamsForBusiness", None, "teamsForBusiness"),
        (["teamsForBusiness", "skypeForBusiness"], "skypeForBusiness", None, "skypeForBusiness"),
    ],
    ids=["teams-not-allowed", "no-provider-at-all", "default-teams", "default-skype"],
)
async def test_the_calendar_decides_whether_an_event_can_be_online(
    harness: GraphHarness,
    allowed: list[str],
    default: str,
    provider: str | None,
    expected: str | None,
) -> None:
    await harness.set_calendar(
        allowedOnlineMeetingProviders=allowed, defaultOnlineMeetingProvider=default
    )
    body = event_body(isOnlineMeeting=True)
    if provider:
        body["onlineMeetingProvider"] = provider
    event = await create(harness, body)
    if expected is None:  # created, but without an online meeting
        assert (event["isOnlineMeeting"], event["onlineMeeting"]) == (False, None)
        assert event["onlineMeetingProvider"] == "unknown"
    else:
        assert event["isOnlineMeeting"] is True
        assert event["onlineMeetingProvider"] == expected
        assert join_url(event)


async def test_the_join_link_appears_after_the_configured_delay_and_then_stays(
    harness: GraphHarness,
) -> None:
    await harness.set_join_url_delay(1.5)
    event = await create(harness, online_body())
    assert (event["isOnlineMeeting"], event["onlineMeeting"]) == (True, None)
    assert event["onlineMeetingProvider"] == "teamsForBusiness"
    assert (await fetch(harness, event["id"]))["onlineMeeting"] is None

    harness.clock.now = NOW + timedelta(seconds=1.4)
    assert (await fetch(harness, event["id"], **{"$select": "onlineMeeting"}))[
        "onlineMeeting"
    ] is None

    harness.clock.now = NOW + timedelta(seconds=1.5)
    first = join_url(await fetch(harness, event["id"]))
    assert first is not None
    assert TEAMS_JOIN_URL.match(first)
    harness.clock.now = NOW + timedelta(hours=1)
    assert join_url(await fetch(harness, event["id"])) == first


async def test_a_repeated_transaction_id_returns_the_first_event(harness: GraphHarness) -> None:
    first = await create(harness, online_body(transactionId="retry-1"))
    again = await create(harness, online_body(subject="Changed", transactionId="retry-1"))
    assert again["id"] == first["id"]
    assert again["subject"] == "Review"
    assert join_url(again) == join_url(first)
    assert len(await harness.stored_events()) == 1
    bob = assert_event(
        await harness.graph.post(f"/users/{BOB}/events", json=online_body(transactionId="retry-1")),
        201,
    )
    assert bob["id"] != first["id"]
    other = await create(harness, online_body(transactionId="retry-2"))
    assert other["id"] != first["id"]


# -- time zones -------------------------------------------------------------------------------


async def test_prefer_time_zone_expresses_times_across_the_dst_change(
    harness: GraphHarness,
) -> None:
    body = event_body(
        start="2026-11-01T15:00:00", end="2026-11-01T15:45:00", zone="America/New_York"
    )
    response = await harness.graph.post(EVENTS, json=body, headers=NEW_YORK)
    event = assert_event(response, 201)
    assert response.headers["Preference-Applied"] == 'outlook.timezone="America/New_York"'
    assert event["start"] == {
        "dateTime": "2026-11-01T15:00:00.0000000",
        "timeZone": "America/New_York",
    }
    assert event["originalStartTimeZone"] == "America/New_York"
    assert_valid_graph(event["start"], "microsoft.graph.dateTimeTimeZone", strict=True)

    plain = await harness.graph.get(f"{EVENTS}/{quote(event['id'], safe='')}")
    assert "Preference-Applied" not in plain.headers
    utc = assert_event(plain)
    assert utc["start"] == {"dateTime": "2026-11-01T20:00:00.0000000", "timeZone": "UTC"}  # EST
    assert utc["end"] == {"dateTime": "2026-11-01T20:45:00.0000000", "timeZone": "UTC"}
    pacific = await harness.graph.get(
        f"{EVENTS}/{quote(event['id'], safe='')}",
        headers={"Prefer": 'outlook.timezone="Pacific Standard Time"'},
    )
    assert assert_event(pacific)["start"]["dateTime"] == "2026-11-01T12:00:00.0000000"

    day_before = await create(
        harness,
        event_body(start="2026-10-31T15:00:00", end="2026-10-31T16:00:00", zone="America/New_York"),
    )
    assert day_before["start"]["dateTime"] == "2026-10-31T19:00:00.0000000"  # still EDT


@pytest.mark.parametrize(
    ("zone", "utc_start"),
    [
        ("Eastern Standard Time", "2026-12-01T14:00:00.0000000"),
        ("W. Europe Standard Time", "2026-12-01T08:00:00.0000000"),
        ("Europe/Berlin", "2026-12-01T08:00:00.0000000"),
        ("UTC", "2026-12-01T09:00:00.0000000"),
        ("tzone://Microsoft/Utc", "2026-12-01T09:00:00.0000000"),
    ],
    ids=["windows-eastern", "windows-w-europe", "iana", "utc", "graph-utc-spelling"],
)
async def test_windows_and_iana_zone_names_are_accepted(
    harness: GraphHarness, zone: str, utc_start: str
) -> None:
    event = await create(harness, event_body(zone=zone))
    assert event["start"] == {"dateTime": utc_start, "timeZone": "UTC"}


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../etc/passwd", "Eastern Time"])
async def test_an_unknown_time_zone_is_refused_like_graph(harness: GraphHarness, zone: str) -> None:
    response = await harness.graph.post(EVENTS, json=event_body(zone=zone))
    message = assert_graph_error(response, 400, "TimeZoneNotSupportedException")
    assert f"not supported: '{zone}'" in message
    assert await harness.stored_events() == []


async def test_an_unknown_prefer_zone_is_ignored(harness: GraphHarness) -> None:
    response = await harness.graph.post(
        EVENTS, json=event_body(), headers={"Prefer": 'outlook.timezone="Nowhere/Else"'}
    )
    assert assert_event(response, 201)["start"]["timeZone"] == "UTC"
    assert "Preference-Applied" not in response.headers


@pytest.mark.parametrize(
    ("body", "code", "fragment"),
    [
        (event_body(end="2026-12-01T08:59:59"), "ErrorInvalidRequest", "earlier than its start"),
        (
            {"subject": "x", "start": {"dateTime": "2026-12-01T09:00:00", "timeZone": "UTC"}},
            "ErrorInvalidRequest",
            "both start and end",
        ),
        (event_body(start="tomorrow"), "BadRequest", "start.dateTime"),
        (event_body(start="2026-12-01"), "BadRequest", "start.dateTime"),
        (event_body(start="2026-13-01T09:00:00"), "BadRequest", "start.dateTime"),
        (
            event_body(start="0001-01-01T00:00:00", zone="Pacific/Kiritimati"),
            "BadRequest",
            "start.dateTime",
        ),
        ({**event_body(), "subjekt": "typo"}, "BadRequest", "'subjekt' does not exist on type"),
        ({**event_body(), "showAs": "away"}, "BadRequest", "freeBusyStatus"),
        ({**event_body(), "attendees": {}}, "BadRequest", "attendees"),
        ({**event_body(), "start": "2026-12-01T09:00:00"}, "BadRequest", "start"),
        (
            {**event_body(), "attendees": [{"emailAddress": {"mail": "x"}}]},
            "BadRequest",
            "'mail' does not exist on type 'microsoft.graph.emailAddress'",
        ),
        (
            {**event_body(), "recurrence": {"pattern": {"type": "daily", "interval": 1}}},
            "ErrorInvalidRequest",
            "both a pattern and a range",
        ),
    ],
    ids=[
        "end-before-start",
        "no-end",
        "bad-date-time",
        "date-only",
        "month-13",
        "before-year-one-in-utc",
        "unknown-property",
        "bad-enum",
        "attendees-object",
        "start-string",
        "unknown-nested-property",
        "recurrence",
    ],
)
async def test_invalid_events_are_refused_and_nothing_is_stored(
    harness: GraphHarness, body: dict[str, Any], code: str, fragment: str
) -> None:
    status = 501 if code == "NotImplemented" else 400
    message = assert_graph_error(await harness.graph.post(EVENTS, json=body), status, code)
    assert fragment in message
    assert await harness.stored_events() == []


async def test_enum_values_are_read_case_insensitively(harness: GraphHarness) -> None:
    body = event_body(
        isOnlineMeeting=True,
        onlineMeetingProvider="TeamsForBusiness",
        showAs="Tentative",
        importance="HIGH",
        body={"contentType": "Text", "content": "plain"},
    )
    event = await create(harness, body)
    assert (event["onlineMeetingProvider"], event["showAs"], event["importance"]) == (
        "teamsForBusiness",
        "tentative",
        "high",
    )
    assert event["body"]["contentType"] == "text"


# -- GET, $select, /me ------------------------------------------------------------------------


async def test_select_returns_only_the_chosen_properties_and_the_id(harness: GraphHarness) -> None:
    event = await create(harness, online_body())
    selection = "isOnlineMeeting,onlineMeetingProvider,OnlineMeeting"
    fetched = await fetch(harness, event["id"], **{"$select": selection})
    assert set(fetched) == {
        "@odata.context",
        "@odata.etag",
        "id",
        "isOnlineMeeting",
        "onlineMeetingProvider",
        "onlineMeeting",
    }
    assert fetched["@odata.context"].endswith(
        f"users('{ALICE}')/events(isOnlineMeeting,onlineMeetingProvider,onlineMeeting)/$entity"
    )
    assert join_url(fetched) == join_url(event)


async def test_select_of_an_unknown_property_is_refused(harness: GraphHarness) -> None:
    event = await create(harness, event_body())
    response = await harness.graph.get(
        f"{EVENTS}/{quote(event['id'], safe='')}", params={"$select": "subject,joinUrl"}
    )
    message = assert_graph_error(response, 400, "RequestBroker--ParseUri")
    assert message == "Could not find a property named 'joinUrl' on type 'microsoft.graph.event'."


async def test_events_belong_to_their_user_and_ids_are_checked(harness: GraphHarness) -> None:
    event = await create(harness, event_body())
    path = quote(event["id"], safe="")
    assert_graph_error(
        await harness.graph.get(f"/users/{BOB}/events/{path}"), 404, "ErrorItemNotFound"
    )
    other_tenant = await harness.graph.get(f"{EVENTS}/{path}", headers=token(tid=OTHER_TENANT))
    assert_graph_error(other_tenant, 404, "ErrorItemNotFound")
    assert_graph_error(await harness.graph.get(f"{EVENTS}/AAMkAGnope="), 404, "ErrorItemNotFound")
    malformed = await harness.graph.get(f"{EVENTS}/nope")
    assert assert_graph_error(malformed, 400, "ErrorInvalidIdMalformed") == "Id is malformed."


async def test_me_and_the_default_calendar_path_reach_the_same_events(
    harness: GraphHarness,
) -> None:
    created = await harness.graph.post("/me/events", json=event_body(), headers=token(oid=BOB))
    event = assert_event(created, 201)
    assert f"users('{BOB}')" in event["@odata.context"]
    via_calendar = await harness.graph.get(
        f"/users/{BOB}/calendar/events/{quote(event['id'], safe='')}"
    )
    assert assert_event(via_calendar)["id"] == event["id"]


async def test_list_events_pages_and_leaves_out_cancelled_ones(harness: GraphHarness) -> None:
    ids = [(await create(harness, event_body(subject=f"E{i}")))["id"] for i in range(3)]
    cancelled = await harness.graph.post(f"{EVENTS}/{quote(ids[1], safe='')}/cancel")
    assert cancelled.status_code == 202
    response = await harness.graph.get(EVENTS, params={"$top": "1"})
    assert response.status_code == 200, response.text
    first = response.json()
    assert_valid_graph(first, "microsoft.graph.eventCollectionResponse", strict=True)
    assert [e["id"] for e in first["value"]] == [ids[0]]
    following = await harness.graph.get(first["@odata.nextLink"])
    assert [e["id"] for e in following.json()["value"]] == [ids[2]]
    assert "@odata.nextLink" not in following.json()


async def test_prefer_text_bodies_and_both_preferences_are_confirmed(harness: GraphHarness) -> None:
    event = await create(harness, online_body(body={"contentType": "html", "content": "<b>Hi</b>"}))
    response = await harness.graph.get(
        f"{EVENTS}/{quote(event['id'], safe='')}",
        headers={"Prefer": 'outlook.timezone="Asia/Tokyo", outlook.body-content-type="text"'},
    )
    fetched = assert_event(response)
    assert response.headers["Preference-Applied"] == (
        'outlook.timezone="Asia/Tokyo", outlook.body-content-type="text"'
    )
    assert fetched["body"]["contentType"] == "text"
    assert fetched["body"]["content"].startswith("Hi ")
    assert "<b>" not in fetched["body"]["content"]
    assert f"Join Microsoft Teams Meeting<{join_url(event)}>" in fetched["body"]["content"]
    assert fetched["start"] == {"dateTime": "2026-12-01T18:00:00.0000000", "timeZone": "Asia/Tokyo"}
