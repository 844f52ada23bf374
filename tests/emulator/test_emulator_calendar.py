"""The emulator's default calendar, calendarView and their control endpoints."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.emulator.test_emulator_events import EVENTS, create, event_body, online_body
from tests.support.contract import assert_valid_graph
from tests.support.emulator_fixtures import (
    ALICE,
    BOB,
    OTHER_TENANT,
    GraphHarness,
    assert_events,
    assert_graph_error,
    token,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

CALENDAR = f"/users/{ALICE}/calendar"
VIEW = f"/users/{ALICE}/calendarView"
DECEMBER = {"startDateTime": "2026-12-01T00:00:00Z", "endDateTime": "2026-12-02T00:00:00Z"}


def calendar_of(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert_valid_graph(body, "microsoft.graph.calendar", strict=True)
    return body


async def view(h: GraphHarness, **params: str) -> dict[str, Any]:
    return assert_events(await h.graph.get(VIEW, params={**DECEMBER, **params}))


async def at(h: GraphHarness, subject: str, start: str, end: str) -> str:
    body = event_body(subject=subject, start=f"2026-12-01T{start}", end=f"2026-12-01T{end}")
    event_id: str = (await create(h, body))["id"]
    return event_id


# -- GET /calendar ----------------------------------------------------------------------------


async def test_the_default_calendar_allows_teams(harness: GraphHarness) -> None:
    calendar = calendar_of(await harness.graph.get(CALENDAR))
    assert calendar["@odata.context"].endswith(f"users('{ALICE}')/calendar/$entity")
    assert calendar["name"] == "Calendar"
    assert calendar["isDefaultCalendar"] is True
    assert calendar["canEdit"] is True
    assert calendar["allowedOnlineMeetingProviders"] == ["teamsForBusiness"]
    assert calendar["defaultOnlineMeetingProvider"] == "teamsForBusiness"
    assert calendar["owner"] == {"name": ALICE, "address": f"{ALICE}@emulator.local"}
    assert calendar_of(await harness.graph.get(CALENDAR))["id"] == calendar["id"]
    bob = calendar_of(await harness.graph.get(f"/users/{BOB}/calendar"))
    assert bob["id"] != calendar["id"]


async def test_calendar_select_is_honoured(harness: GraphHarness) -> None:
    selection = "allowedOnlineMeetingProviders,defaultOnlineMeetingProvider"
    calendar = calendar_of(await harness.graph.get(CALENDAR, params={"$select": selection}))
    assert set(calendar) == {"@odata.context", "id", *selection.split(",")}
    assert calendar["@odata.context"].endswith(f"users('{ALICE}')/calendar({selection})/$entity")
    bad = await harness.graph.get(CALENDAR, params={"$select": "providers"})
    assert_graph_error(bad, 400, "RequestBroker--ParseUri")


async def test_me_calendar_is_the_token_users(harness: GraphHarness) -> None:
    calendar = calendar_of(await harness.graph.get("/me/calendar", headers=token(oid=BOB)))
    assert calendar["owner"]["address"] == f"{BOB}@emulator.local"


# -- control: calendar settings ---------------------------------------------------------------


async def test_calendar_settings_and_owner_can_be_changed(harness: GraphHarness) -> None:
    before = calendar_of(await harness.graph.get(CALENDAR))
    changed = await harness.set_calendar(
        allowedOnlineMeetingProviders=["SkypeForBusiness", "teamsForBusiness"],
        defaultOnlineMeetingProvider="skypeForBusiness",
        name="Alice Able",
        address="alice@contoso.com",
    )
    assert changed["allowedOnlineMeetingProviders"] == ["skypeForBusiness", "teamsForBusiness"]
    calendar = calendar_of(await harness.graph.get(CALENDAR))
    assert calendar["id"] == before["id"]
    assert calendar["changeKey"] != before["changeKey"]
    assert calendar["defaultOnlineMeetingProvider"] == "skypeForBusiness"
    assert calendar["owner"] == {"name": "Alice Able", "address": "alice@contoso.com"}
    event = await create(harness, online_body())
    assert event["organizer"]["emailAddress"] == {
        "name": "Alice Able",
        "address": "alice@contoso.com",
    }
    control = await harness.control.get(f"/_emulator/users/{ALICE}/calendar")
    assert control.json()["owner"]["name"] == "Alice Able"


async def test_calendar_control_acts_in_the_default_tenant_unless_told(
    harness: GraphHarness,
) -> None:
    response = await harness.control.put(
        f"/_emulator/users/{ALICE}/calendar",
        params={"tenant": OTHER_TENANT},
        json={"allowedOnlineMeetingProviders": ["unknown"]},
    )
    assert response.status_code == 200, response.text
    ours = calendar_of(await harness.graph.get(CALENDAR))  # opaque token: default tenant
    assert ours["allowedOnlineMeetingProviders"] == ["teamsForBusiness"]
    theirs = calendar_of(await harness.graph.get(CALENDAR, headers=token(tid=OTHER_TENANT)))
    assert theirs["allowedOnlineMeetingProviders"] == ["unknown"]


@pytest.mark.parametrize(
    "body",
    [
        {"allowedOnlineMeetingProviders": ["zoom"]},
        {"defaultOnlineMeetingProvider": 3},
        {"allowedOnlineMeetingProviders": "teamsForBusiness"},
        {"colour": "red"},
        {"name": ""},
    ],
    ids=["unknown-provider", "number", "not-a-list", "unknown-key", "empty-name"],
)
async def test_bad_calendar_settings_are_refused(
    harness: GraphHarness, body: dict[str, Any]
) -> None:
    response = await harness.control.put(f"/_emulator/users/{ALICE}/calendar", json=body)
    assert response.status_code == 400, response.text
    calendar = calendar_of(await harness.graph.get(CALENDAR))
    assert calendar["allowedOnlineMeetingProviders"] == ["teamsForBusiness"]


# -- control: settings and stored events ------------------------------------------------------


async def test_join_url_delay_setting_round_trips(harness: GraphHarness) -> None:
    assert (await harness.control.get("/_emulator/settings")).json()["joinUrlDelaySeconds"] == 0
    await harness.set_join_url_delay(2.5)
    settings = (await harness.control.get("/_emulator/settings")).json()
    assert settings["joinUrlDelaySeconds"] == 2.5


@pytest.mark.parametrize(
    "body",
    [
        {"joinUrlDelaySeconds": -1},
        {"joinUrlDelaySeconds": "2"},
        {"joinUrlDelaySeconds": True},
        {"latency": 1},
    ],
    ids=["negative", "string", "boolean", "unknown"],
)
async def test_bad_settings_are_refused(harness: GraphHarness, body: dict[str, Any]) -> None:
    response = await harness.control.put("/_emulator/settings", json=body)
    assert response.status_code == 400, response.text
    assert (await harness.control.get("/_emulator/settings")).json()["joinUrlDelaySeconds"] == 0


async def test_stored_events_include_cancelled_ones_and_reset_forgets_them(
    harness: GraphHarness,
) -> None:
    kept = await create(harness, event_body(subject="Kept"))
    gone = await create(harness, event_body(subject="Gone"))
    await harness.graph.post(f"{EVENTS}/{quote(gone['id'], safe='')}/cancel")
    stored = await harness.stored_events()
    assert [(e["id"], e["isCancelled"]) for e in stored] == [
        (kept["id"], False),
        (gone["id"], True),
    ]
    assert await harness.stored_events(BOB) == []
    await harness.set_calendar(allowedOnlineMeetingProviders=["unknown"])
    assert (await harness.control.post("/_emulator/reset")).status_code == 204
    assert await harness.stored_events() == []
    assert calendar_of(await harness.graph.get(CALENDAR))["allowedOnlineMeetingProviders"] == [
        "teamsForBusiness"
    ]


# -- calendarView -----------------------------------------------------------------------------


async def test_calendar_view_returns_overlapping_events_soonest_first(
    harness: GraphHarness,
) -> None:
    late = await at(harness, "Late", "16:00:00", "17:00:00")
    early = await at(harness, "Early", "08:00:00", "09:00:00")
    await create(harness, event_body(start="2026-11-30T09:00:00", end="2026-11-30T10:00:00"))
    straddling = await create(
        harness,
        event_body(subject="Overnight", start="2026-11-30T23:00:00", end="2026-12-01T01:00:00"),
    )
    await create(harness, event_body(start="2026-12-02T00:00:00", end="2026-12-02T01:00:00"))

    page = await view(harness, **{"$orderby": "start/dateTime"})
    assert [e["id"] for e in page["value"]] == [straddling["id"], early, late]
    assert page["@odata.context"].endswith(f"users('{ALICE}')/calendarView")
    descending = await view(harness, **{"$orderby": "start/dateTime desc"})
    assert [e["id"] for e in descending["value"]] == [late, early, straddling["id"]]


async def test_calendar_view_reads_offsets_and_answers_in_the_preferred_zone(
    harness: GraphHarness,
) -> None:
    event_id = await at(harness, "Noon UTC", "12:00:00", "13:00:00")
    response = await harness.graph.get(
        VIEW,
        params={
            "startDateTime": "2026-12-01T06:30:00-05:00",  # 11:30Z
            "endDateTime": "2026-12-01T07:30:00-05:00",
            "$select": "subject,start",
        },
        headers={"Prefer": 'outlook.timezone="Eastern Standard Time"'},
    )
    page = assert_events(response)
    assert response.headers["Preference-Applied"] == 'outlook.timezone="Eastern Standard Time"'
    [event] = page["value"]
    assert event == {
        "@odata.etag": event["@odata.etag"],
        "id": event_id,
        "subject": "Noon UTC",
        "start": {"dateTime": "2026-12-01T07:00:00.0000000", "timeZone": "Eastern Standard Time"},
    }
    assert page["@odata.context"].endswith("calendarView(subject,start)")


async def test_calendar_view_leaves_out_cancelled_events(harness: GraphHarness) -> None:
    kept = await at(harness, "Kept", "10:00:00", "11:00:00")
    gone = await at(harness, "Gone", "09:00:00", "10:00:00")
    response = await harness.graph.post(f"{EVENTS}/{quote(gone, safe='')}/cancel")
    assert response.status_code == 202
    assert [e["id"] for e in (await view(harness))["value"]] == [kept]


async def test_calendar_view_pages_with_absolute_next_links(harness: GraphHarness) -> None:
    ids = [
        await at(harness, f"E{i:02}", f"{8 + i // 2:02}:{30 * (i % 2):02}:00", "20:00:00")
        for i in range(12)
    ]

    first = await view(harness, **{"$orderby": "start/dateTime"})
    assert [e["id"] for e in first["value"]] == ids[:10]  # Graph's default page size
    next_link = first["@odata.nextLink"]
    assert next_link.startswith(harness.running.base_url + f"/users/{ALICE}/calendarView?")
    rest = assert_events(await harness.graph.get(next_link))
    assert [e["id"] for e in rest["value"]] == ids[10:]
    assert "@odata.nextLink" not in rest

    seen: list[str] = []
    link: str | None = None
    pages = 0
    params = {**DECEMBER, "$top": "5", "$select": "subject", "$orderby": "start/dateTime"}
    response = await harness.graph.get(VIEW, params=params)
    while True:
        page = assert_events(response)
        pages += 1
        assert all(set(e) == {"@odata.etag", "id", "subject"} for e in page["value"])
        seen += [e["id"] for e in page["value"]]
        link = page.get("@odata.nextLink")
        if link is None:
            break
        response = await harness.graph.get(link)
    assert (pages, seen) == (3, ids)


@pytest.mark.parametrize(
    "params",
    [
        {"endDateTime": "2026-12-02T00:00:00Z"},
        {"startDateTime": "2026-12-01T00:00:00Z"},
        {},
        {"startDateTime": "", "endDateTime": "2026-12-02T00:00:00Z"},
    ],
    ids=["no-start", "no-end", "neither", "empty-start"],
)
async def test_calendar_view_needs_both_ends_of_the_window(
    harness: GraphHarness, params: dict[str, str]
) -> None:
    response = await harness.graph.get(VIEW, params=params)
    message = assert_graph_error(response, 400, "ErrorInvalidParameter")
    assert "StartDateTime and EndDateTime" in message


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({**DECEMBER, "startDateTime": "yesterday"}, 400, "ErrorInvalidParameter"),
        ({**DECEMBER, "startDateTime": "0001-01-01T00:00:00+05:00"}, 400, "ErrorInvalidParameter"),
        ({**DECEMBER, "$top": "0"}, 400, "BadRequest"),
        ({**DECEMBER, "$top": "²"}, 400, "BadRequest"),
        ({**DECEMBER, "$orderby": "joinUrl"}, 400, "BadRequest"),
        ({**DECEMBER, "$select": "subject,nothing"}, 400, "RequestBroker--ParseUri"),
        ({**DECEMBER, "$filter": "subject eq 'x'"}, 501, "NotImplemented"),
    ],
    ids=[
        "bad-start",
        "overflowing-start",
        "zero-top",
        "unicode-digit-top",
        "bad-orderby",
        "bad-select",
        "filter",
    ],
)
async def test_calendar_view_rejects_bad_query_options(
    harness: GraphHarness, params: dict[str, str], status: int, code: str
) -> None:
    assert_graph_error(await harness.graph.get(VIEW, params=params), status, code)


async def test_calendar_view_shows_a_delayed_link_as_null(harness: GraphHarness) -> None:
    await harness.set_join_url_delay(60)
    await create(harness, online_body())
    [event] = (await view(harness))["value"]
    assert (event["isOnlineMeeting"], event["onlineMeeting"]) == (True, None)
