"""Events that lose their Teams meeting on real tenants: created offline, or dropped on a move."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from tests.emulator.test_emulator_directory import seed
from tests.emulator.test_emulator_events import EVENTS, create, online_body
from tests.support.emulator_fixtures import ALICE, BOB, GraphHarness, assert_event

pytest_plugins = ["tests.support.emulator_fixtures"]

LATER = {
    "start": {"dateTime": "2026-12-01T11:00:00", "timeZone": "UTC"},
    "end": {"dateTime": "2026-12-01T12:00:00", "timeZone": "UTC"},
}


async def patch(h: GraphHarness, event_id: str, change: dict[str, Any]) -> dict[str, Any]:
    response = await h.graph.patch(f"{EVENTS}/{quote(event_id, safe='')}", json=change)
    return assert_event(response)


def online_state(event: dict[str, Any]) -> tuple[bool, str, str | None]:
    join_url = (event.get("onlineMeeting") or {}).get("joinUrl")
    return event["isOnlineMeeting"], event["onlineMeetingProvider"], join_url


async def test_an_event_can_come_back_offline_although_teams_is_allowed(
    harness: GraphHarness,
) -> None:
    """microsoft-graph-docs issue #9741: POST .../events with isOnlineMeeting true and
    teamsForBusiness answered 201 with isOnlineMeeting false, provider unknown, no meeting
    (also microsoft-graph-explorer-v4 issue #3315), while the calendar allows Teams."""
    await seed(harness, ALICE, createsEventsOffline=True)
    calendar = await harness.set_calendar(ALICE)
    assert "teamsForBusiness" in calendar["allowedOnlineMeetingProviders"]
    event = await create(harness, online_body())
    assert online_state(event) == (False, "unknown", None)
    assert (await harness.stored_events())[0]["isOnlineMeeting"] is False


async def test_other_users_are_not_affected(harness: GraphHarness) -> None:
    """The switch is per user: Bob's Teams events still get their link."""
    await seed(harness, ALICE, createsEventsOffline=True)
    response = await harness.graph.post(f"/users/{BOB}/events", json=online_body())
    assert assert_event(response, 201)["isOnlineMeeting"] is True


async def test_a_reschedule_drops_the_link_and_the_next_update_brings_it_back(
    harness: GraphHarness,
) -> None:
    """msgraph-sdk-dotnet issue #2895: after updating start/end (even sending isOnlineMeeting
    true again) the event "is no longer treated as an online meeting"; microsoft-graph-docs
    issue #16336: "If we update event again second time, Join meeting link comes back"."""
    await seed(harness, ALICE, rescheduleDropsOnlineMeeting=True)
    event = await create(harness, online_body())
    _, _, join_url = online_state(event)
    assert join_url
    moved = await patch(
        harness,
        event["id"],
        {**LATER, "isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"},
    )
    assert online_state(moved) == (False, "unknown", None)
    assert moved["start"]["dateTime"].startswith("2026-12-01T11:00:00")
    again = await patch(harness, event["id"], {"subject": "Moved review"})
    assert online_state(again) == (True, "teamsForBusiness", join_url)


async def test_without_the_switch_a_reschedule_keeps_the_link(harness: GraphHarness) -> None:
    """Update event: moving an online meeting keeps it online (the documented behaviour)."""
    event = await create(harness, online_body())
    moved = await patch(harness, event["id"], LATER)
    assert online_state(moved) == online_state(event)
