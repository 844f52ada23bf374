"""POST .../calendar/getSchedule as "calendar: getSchedule" (v1.0) and its sources describe it.

Every answer is validated strictly against Microsoft's getScheduleResponse.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph_emulator.identity import IdentityServer
from tests.emulator.test_emulator_events import event_body
from tests.emulator.test_identity_emulator import app_token, call
from tests.support.contract import assert_valid_graph
from tests.support.emulator_fixtures import ALICE, BOB, GraphHarness, assert_graph_error
from tests.support.servers import Emulator

pytest_plugins = ["tests.support.emulator_fixtures", "tests.support.identity_fixtures"]

CAROL = "cccccccc-0000-0000-0000-000000000003"
SCHEDULE = f"/users/{ALICE}/calendar/getSchedule"
PACIFIC = {"Prefer": 'outlook.timezone="Pacific Standard Time"'}


def window(
    start: str = "2026-12-01T09:00:00",
    end: str = "2026-12-01T18:00:00",
    zone: str = "Pacific Standard Time",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "Schedules": ["bob@contoso.com", "carol@contoso.com"],
        "StartTime": {"dateTime": start, "timeZone": zone},
        "EndTime": {"dateTime": end, "timeZone": zone},
        **extra,
    }


async def place(h: GraphHarness, user: str, body: dict[str, Any]) -> None:
    response = await h.control.post(f"/_emulator/users/{user}/events", json=body)
    assert response.status_code == 201, response.text


async def people(h: GraphHarness) -> None:
    """Bob and Carol have mailboxes at contoso.com; Bob's day matches the docs' example."""
    await h.set_calendar(BOB, name="Bob Brown", address="bob@contoso.com")
    await h.set_calendar(CAROL, name="Carol Chen", address="carol@contoso.com")
    zone = "Pacific Standard Time"
    await place(h, BOB, event_body("Lunch", "2026-12-01T12:00:00", "2026-12-01T14:00:00", zone))
    await place(
        h,
        BOB,
        event_body("Maybe", "2026-12-01T16:00:00", "2026-12-01T17:00:00", zone, showAs="tentative"),
    )
    await place(h, BOB, event_body("Gym", "2026-12-01T08:30:00", "2026-12-01T09:30:00", zone))


def schedules(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert_valid_graph(body, "getScheduleResponse", strict=True)
    assert body["@odata.context"].endswith(
        "$metadata#Collection(microsoft.graph.scheduleInformation)"
    )
    found: list[dict[str, Any]] = body["value"]
    return found


async def test_each_address_gets_its_items_view_and_working_hours(harness: GraphHarness) -> None:
    """The reference page's example: one scheduleInformation per address, in order; each slot
    of availabilityView shows the strongest status overlapping it; items in the Prefer zone."""
    await people(harness)
    body = window(AvailabilityViewInterval=60)
    bob, carol = schedules(await harness.graph.post(SCHEDULE, json=body, headers=PACIFIC))
    assert (bob["scheduleId"], carol["scheduleId"]) == ("bob@contoso.com", "carol@contoso.com")
    assert bob["availabilityView"] == "200220010"
    assert [(i["status"], i["subject"]) for i in bob["scheduleItems"]] == [
        ("busy", "Gym"),
        ("busy", "Lunch"),
        ("tentative", "Maybe"),
    ]
    lunch = bob["scheduleItems"][1]
    assert lunch["start"] == {
        "dateTime": "2026-12-01T12:00:00.0000000",
        "timeZone": "Pacific Standard Time",
    }
    assert carol["availabilityView"] == "000000000"
    assert carol["scheduleItems"] == []
    assert carol["workingHours"]["daysOfWeek"] == [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
    ]
    assert (carol["workingHours"]["startTime"], carol["workingHours"]["endTime"]) == (
        "08:00:00.0000000",
        "17:00:00.0000000",
    )


async def test_working_hours_come_with_their_time_zone(harness: GraphHarness) -> None:
    await people(harness)
    hours = {
        "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday"],
        "startTime": "09:30:00.0000000",
        "endTime": "16:00:00.0000000",
        "timeZone": {"name": "W. Europe Standard Time"},
    }
    put = await harness.control.put(f"/_emulator/users/{CAROL}/workingHours", json=hours)
    assert put.status_code == 200, put.text
    _, carol = schedules(await harness.graph.post(SCHEDULE, json=window()))
    assert carol["workingHours"] == hours


async def test_an_address_outside_the_tenant_gets_only_an_error(harness: GraphHarness) -> None:
    """microsoft-graph-docs issue #11225: 200, and for an address Graph cannot resolve only
    scheduleId and error (responseCode "5009")."""
    await people(harness)
    body = window(Schedules=["bob@contoso.com", "ann@fabrikam.com"])
    bob, ann = schedules(await harness.graph.post(SCHEDULE, json=body))
    assert "availabilityView" in bob
    assert ann == {
        "scheduleId": "ann@fabrikam.com",
        "error": {
            "message": "Unable to resolve e-mail address ann@fabrikam.com to an Active "
            "Directory object.",
            "responseCode": "5009",
        },
    }


async def test_a_series_counts_private_items_hide_subjects_free_ones_are_not_items(
    harness: GraphHarness,
) -> None:
    """Occurrences are busy like single events; a private item keeps only its time and
    status; an event shown as free is free time ("Get free/busy schedule", Graph concepts)."""
    await people(harness)
    recurrence = {
        "pattern": {"type": "daily", "interval": 1},
        "range": {"type": "numbered", "startDate": "2026-11-30", "numberOfOccurrences": 5},
    }
    standup = event_body("Standup", "2026-11-30T10:00:00", "2026-11-30T10:30:00", "UTC")
    created = await harness.graph.post(
        f"/users/{CAROL}/events", json={**standup, "recurrence": recurrence}
    )
    assert created.status_code == 201, created.text
    secret = event_body(
        "Doctor", "2026-12-01T14:00:00", "2026-12-01T15:00:00", sensitivity="private"
    )
    await place(harness, CAROL, secret)
    await place(
        harness,
        CAROL,
        event_body("Focus", "2026-12-01T15:00:00", "2026-12-01T16:00:00", showAs="free"),
    )
    body = window(
        "2026-12-01T09:00:00", "2026-12-01T17:00:00", "UTC", Schedules=["carol@contoso.com"]
    )
    [carol] = schedules(await harness.graph.post(SCHEDULE, json=body))
    assert carol["availabilityView"] == "0020000000220000"
    standup_item, doctor = carol["scheduleItems"]
    assert (standup_item["subject"], standup_item["start"]["dateTime"][:16]) == (
        "Standup",
        "2026-12-01T10:00",
    )
    assert doctor == {
        "isPrivate": True,
        "status": "busy",
        "start": {"dateTime": "2026-12-01T14:00:00.0000000", "timeZone": "UTC"},
        "end": {"dateTime": "2026-12-01T15:00:00.0000000", "timeZone": "UTC"},
    }


async def test_the_reference_pages_spelling_and_a_string_interval_are_accepted(
    harness: GraphHarness,
) -> None:
    """The reference page sends camelCase names; the concepts page sends "15" as a string."""
    await people(harness)
    body = {
        "schedules": ["bob@contoso.com"],
        "startTime": {"dateTime": "2026-12-01T12:00:00", "timeZone": "Pacific Standard Time"},
        "endTime": {"dateTime": "2026-12-01T13:00:00", "timeZone": "Pacific Standard Time"},
        "availabilityViewInterval": "15",
    }
    [bob] = schedules(await harness.graph.post(SCHEDULE, json=body))
    assert bob["availabilityView"] == "2222"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (window(AvailabilityViewInterval=4), "AvailabilityViewInterval"),
        (window(AvailabilityViewInterval=1441), "AvailabilityViewInterval"),
        (window(end="2026-12-01T08:00:00"), "after its StartTime"),
        (window(Schedules=[]), "at least one"),
        ({**window(), "EndTime": None}, "EndTime"),
        ({**window(), "Rooms": ["a@b.c"]}, "not a valid parameter for the operation 'getSchedule'"),
    ],
    ids=["interval-4", "interval-1441", "end-before-start", "no-schedules", "no-end", "unknown"],
)
async def test_bad_requests_are_refused(
    harness: GraphHarness, body: dict[str, Any], fragment: str
) -> None:
    response = await harness.graph.post(SCHEDULE, json=body)
    assert fragment in assert_graph_error(response, 400, "BadRequest")


async def test_reading_free_busy_needs_only_a_read_permission(
    identity: IdentityServer, secure_emulator: Emulator
) -> None:
    """getSchedule's permissions: Calendars.Read (application) is enough, though it is a POST;
    without any Calendars permission it is Exchange's 403 ErrorAccessDenied."""
    body = window(Schedules=[f"{BOB}@emulator.local"])
    path = f"/users/{ALICE}/calendar/getSchedule"
    allowed = await call(
        secure_emulator, "POST", path, app_token(identity, roles=["Calendars.Read"]), json=body
    )
    assert allowed.status_code == 200, allowed.text
    refused = await call(
        secure_emulator,
        "POST",
        path,
        app_token(identity, roles=["OnlineMeetings.ReadWrite.All"]),
        json=body,
    )
    assert refused.status_code == 403, refused.text
    assert refused.json()["error"]["code"] == "ErrorAccessDenied"
