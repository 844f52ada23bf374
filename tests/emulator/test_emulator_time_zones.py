"""Time zone names Graph accepts, as data from Microsoft's dateTimeTimeZone page."""

from __future__ import annotations

import json
from importlib import resources
from zoneinfo import ZoneInfo

import pytest

from tests.emulator.test_emulator_directory import set_tenant
from tests.emulator.test_emulator_events import EVENTS, create, event_body
from tests.support.emulator_fixtures import GraphHarness, assert_event, assert_graph_error

pytest_plugins = ["tests.support.emulator_fixtures"]

# "Additional time zones" of the dateTimeTimeZone resource type page, v1.0, in its order.
PAGE_LIST_START = ["Etc/GMT+12", "Etc/GMT+11", "Pacific/Honolulu", "America/Anchorage"]
PAGE_LIST_END = ["Pacific/Tongatapu", "Pacific/Apia", "Pacific/Kiritimati"]


def documented() -> dict[str, str]:
    text = resources.files("graph_emulator").joinpath("documented_time_zones.json").read_text()
    zones: dict[str, str] = json.loads(text)["zones"]
    return zones


def test_the_documented_list_is_the_pages_list() -> None:
    """dateTimeTimeZone resource type (microsoft-graph-docs-contrib,
    api-reference/v1.0/resources/datetimetimezone.md): 99 IANA names, four written "Name
    (Alias)" — both spellings kept — and each one a zone the tz database knows."""
    zones = documented()
    names = list(zones)
    assert names[:4] == PAGE_LIST_START
    assert names[-3:] == PAGE_LIST_END
    assert len(zones) == 99 + 4
    assert {"Europe/Kyiv", "Europe/Kiev", "Asia/Toshkent", "Asia/Tashkent"} <= set(zones)
    for name, zone in zones.items():
        assert ZoneInfo(zone), name


@pytest.mark.parametrize(
    "zone",
    ["W. Europe Standard Time", "Europe/Kyiv", "Asia/Kolkata", "Asia/Toshkent", "UTC"],
    ids=["windows", "kyiv", "kolkata", "toshkent", "utc"],
)
async def test_documented_names_are_accepted_in_a_strict_tenant(
    harness: GraphHarness, zone: str
) -> None:
    """dateTimeTimeZone: "any of the time zones supported by Windows" and the listed names."""
    await set_tenant(harness, timeZones="documented")
    event = await create(harness, event_body(zone=zone))
    assert event["originalStartTimeZone"] == zone


async def test_a_strict_tenant_refuses_names_the_page_does_not_list(harness: GraphHarness) -> None:
    """Graph's TimeZoneNotSupportedException for IANA names outside the page's list (CLDR's
    "Asia/Calcutta" is not on it; "Asia/Kolkata" is). A lenient tenant still takes it."""
    assert_event(await harness.graph.post(EVENTS, json=event_body(zone="Asia/Calcutta")), 201)
    await set_tenant(harness, timeZones="documented")
    response = await harness.graph.post(EVENTS, json=event_body(zone="Asia/Calcutta"))
    message = assert_graph_error(response, 400, "TimeZoneNotSupportedException")
    assert message == (
        "A valid TimeZone value must be specified. The following TimeZone value is not "
        "supported: 'Asia/Calcutta'."
    )
    assert len(await harness.stored_events()) == 1


async def test_a_strict_tenant_refuses_an_unknown_prefer_zone(harness: GraphHarness) -> None:
    """microsoft-graph-docs issue #6870 (a Microsoft engineer's reproduction): Prefer:
    outlook.timezone="Australia Eastern Standard Time" answers 400
    TimeZoneNotSupportedException — before anything is created."""
    await set_tenant(harness, timeZones="documented")
    prefer = {"Prefer": 'outlook.timezone="Australia Eastern Standard Time"'}
    for method, body in (("GET", None), ("POST", event_body())):
        response = await harness.graph.request(method, EVENTS, json=body, headers=prefer)
        assert "'Australia Eastern Standard Time'" in assert_graph_error(
            response, 400, "TimeZoneNotSupportedException"
        )
    assert await harness.stored_events() == []
    sydney = {"Prefer": 'outlook.timezone="AUS Eastern Standard Time"'}
    listed = await harness.graph.get(EVENTS, headers=sydney)
    assert listed.headers["Preference-Applied"] == 'outlook.timezone="AUS Eastern Standard Time"'
