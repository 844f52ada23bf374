"""calendarView holds events the user only attends and the occurrences of recurring series."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.emulator.test_emulator_calendar import DECEMBER, VIEW
from tests.emulator.test_emulator_events import EVENTS, event_body
from tests.support.contract import assert_valid_graph
from tests.support.emulator_fixtures import (
    ALICE,
    GraphHarness,
    assert_event,
    assert_events,
    assert_graph_error,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

DANA = {"emailAddress": {"name": "Dana Diaz", "address": "dana@contoso.com"}}
DANAS_MEETING = {
    "joinUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_RGFuYQ%40thread.v2/0",
    "conferenceId": "123456789",
}
WEEKLY = {
    "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": ["tuesday"]},
    "range": {"type": "noEnd", "startDate": "2026-11-24"},
}


async def place(h: GraphHarness, body: dict[str, Any]) -> dict[str, Any]:
    response = await h.control.post(f"/_emulator/users/{ALICE}/events", json=body)
    assert response.status_code == 201, response.text
    event: dict[str, Any] = response.json()
    return event


async def series(h: GraphHarness) -> tuple[dict[str, Any], dict[str, Any]]:
    """A weekly series from 24 November with its 1 December occurrence."""
    master = await place(
        h,
        event_body("Weekly sync", "2026-11-24T09:00:00", "2026-11-24T09:30:00")
        | {"type": "seriesMaster", "recurrence": WEEKLY},
    )
    occurrence = await place(
        h,
        event_body("Weekly sync", "2026-12-01T09:00:00", "2026-12-01T09:30:00")
        | {"type": "occurrence", "seriesMasterId": master["id"]},
    )
    return master, occurrence


async def test_an_attended_event_is_in_the_view_with_someone_elses_meeting(
    harness: GraphHarness,
) -> None:
    """List calendarView returns the events in the user's calendar, those they were invited to
    included: isOrganizer false, the organizer's address, the user's own responseStatus."""
    await place(
        harness,
        event_body("Dana's planning", "2026-12-01T13:00:00", "2026-12-01T14:00:00")
        | {
            "isOrganizer": False,
            "organizer": DANA,
            "responseStatus": {"response": "accepted", "time": "2026-11-20T08:00:00Z"},
            "onlineMeeting": DANAS_MEETING,
        },
    )
    [event] = assert_events(await harness.graph.get(VIEW, params=DECEMBER))["value"]
    assert (event["isOrganizer"], event["organizer"]) == (False, DANA)
    assert event["responseStatus"]["response"] == "accepted"
    assert event["isOnlineMeeting"] is True
    assert event["onlineMeeting"]["joinUrl"] == DANAS_MEETING["joinUrl"]
    cancel = await harness.graph.post(f"{EVENTS}/{quote(event['id'], safe='')}/cancel")
    assert "organizer" in assert_graph_error(cancel, 400, "ErrorInvalidRequest")


async def test_the_view_shows_occurrences_and_events_shows_the_series_master(
    harness: GraphHarness,
) -> None:
    """List calendarView: "the occurrences, exceptions, and single instances of events";
    List events: single instances and series masters, never occurrences."""
    master, occurrence = await series(harness)
    since_the_master = {**DECEMBER, "startDateTime": "2026-11-24T00:00:00Z"}
    [seen] = assert_events(await harness.graph.get(VIEW, params=since_the_master))["value"]
    assert (seen["id"], seen["type"], seen["seriesMasterId"]) == (
        occurrence["id"],
        "occurrence",
        master["id"],
    )
    assert seen["originalStart"] == "2026-12-01T09:00:00.0000000Z"
    listed = assert_events(await harness.graph.get(EVENTS))["value"]
    assert [(e["id"], e["type"]) for e in listed] == [(master["id"], "seriesMaster")]
    assert listed[0]["recurrence"]["pattern"]["type"] == "weekly"


async def test_placed_events_are_valid_graph_events(harness: GraphHarness) -> None:
    """Whatever a test places, Graph's schema (strict) accepts it as GET returns it."""
    _, occurrence = await series(harness)
    event = assert_event(await harness.graph.get(f"{EVENTS}/{quote(occurrence['id'], safe='')}"))
    assert_valid_graph(event, "microsoft.graph.event", strict=True)


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ({"type": "occurrence"}, "seriesMasterId"),
        ({"type": "seriesMaster"}, "recurrence"),
        ({"recurrence": WEEKLY}, "seriesMaster"),
        ({"isOrganizer": False}, "organizer"),
        ({"type": "sometimes"}, "eventType"),
    ],
    ids=[
        "occurrence-without-master",
        "master-without-recurrence",
        "recurrence",
        "no-organizer",
        "bad-type",
    ],
)
async def test_inconsistent_placements_are_refused(
    harness: GraphHarness, extra: dict[str, Any], fragment: str
) -> None:
    response = await harness.control.post(
        f"/_emulator/users/{ALICE}/events", json=event_body() | extra
    )
    assert fragment in assert_graph_error(response, 400, "BadRequest")
    assert await harness.stored_events() == []
