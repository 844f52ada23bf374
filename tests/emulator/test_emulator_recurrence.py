"""Recurring events as Graph keeps them: a series master, occurrences and exceptions.

Sources: "Schedule repeating appointments as recurring events in Outlook" (Graph concepts,
outlook-schedule-recurring-events.md) for the patterns and ranges; "List calendarView" for
what the view holds; "event: cancel" for cancelling; microsoft-graph-docs pull request #2275
for ErrorOccurrenceCrossingBoundary; microsoft-graph-docs issue #7119 for the 500 a pattern
without an interval gets.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.emulator.test_emulator_events import EVENTS, create, event_body
from tests.support.emulator_fixtures import (
    ALICE,
    GraphHarness,
    assert_event,
    assert_events,
    assert_graph_error,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

VIEW = f"/users/{ALICE}/calendarView"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def rule(pattern: dict[str, Any], start: str, **span: Any) -> dict[str, Any]:
    kind = "endDate" if "endDate" in span else "numbered" if span else "noEnd"
    return {"pattern": pattern, "range": {"type": kind, "startDate": start, **span}}


async def series(
    h: GraphHarness, start: str, end: str, recurrence: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    body = event_body("Standup", start, end, recurrence=recurrence, **extra)
    return await create(h, body)


async def view(h: GraphHarness, start: str, end: str, **headers: str) -> list[dict[str, Any]]:
    params = {"startDateTime": start, "endDateTime": end, "$top": "100"}
    response = await h.graph.get(VIEW, params=params, headers=headers)
    found: list[dict[str, Any]] = assert_events(response)["value"]
    return found


def starts(events: list[dict[str, Any]]) -> list[str]:
    return [e["start"]["dateTime"][:16] for e in events]


async def test_a_weekday_series_is_a_master_whose_occurrences_fill_the_view(
    harness: GraphHarness,
) -> None:
    """Create event with a recurrence answers the series master; calendarView lists each
    occurrence (type, seriesMasterId, originalStart), never the master; List events lists the
    master only."""
    recurrence = rule(
        {"type": "weekly", "interval": 1, "daysOfWeek": WEEKDAYS},
        "2026-11-30",
        endDate="2026-12-06",
    )
    master = await series(
        harness, "2026-11-30T09:15:00", "2026-11-30T09:30:00", recurrence, zone="Europe/Berlin"
    )
    assert (master["type"], master["recurrence"]["pattern"]["type"]) == ("seriesMaster", "weekly")
    seen = await view(
        harness,
        "2026-11-29T00:00:00Z",
        "2026-12-14T00:00:00Z",
        Prefer='outlook.timezone="Europe/Berlin"',
    )
    assert starts(seen) == [
        f"2026-{d}T09:15" for d in ("11-30", "12-01", "12-02", "12-03", "12-04")
    ]
    assert {(e["type"], e["seriesMasterId"]) for e in seen} == {("occurrence", master["id"])}
    assert seen[0]["originalStart"] == "2026-11-30T08:15:00.0000000Z"
    assert len({e["id"] for e in seen}) == 5
    listed = assert_events(await harness.graph.get(EVENTS))["value"]
    assert [(e["id"], e["type"]) for e in listed] == [(master["id"], "seriesMaster")]


@pytest.mark.parametrize(
    ("pattern", "start", "span", "expected"),
    [
        (
            {"type": "daily", "interval": 2},
            "2026-12-01",
            {"numberOfOccurrences": 3},
            ["12-01", "12-03", "12-05"],
        ),
        (
            {"type": "weekly", "interval": 2, "daysOfWeek": ["tuesday"]},
            "2026-12-01",
            {"numberOfOccurrences": 3},
            ["12-01", "12-15", "12-29"],
        ),
        (
            {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 31},
            "2026-12-31",
            {"numberOfOccurrences": 3},
            ["12-31", "01-31", "02-28"],
        ),
        (
            {"type": "relativeMonthly", "interval": 1, "daysOfWeek": ["monday"], "index": "first"},
            "2026-12-07",
            {"numberOfOccurrences": 3},
            ["12-07", "01-04", "02-01"],
        ),
        (
            {"type": "relativeMonthly", "interval": 1, "daysOfWeek": ["friday"], "index": "last"},
            "2026-12-25",
            {"endDate": "2027-02-28"},
            ["12-25", "01-29", "02-26"],
        ),
        (
            {"type": "relativeMonthly", "interval": 2, "daysOfWeek": ["thursday", "friday"]},
            "2026-12-03",
            {"numberOfOccurrences": 2},
            ["12-03", "02-04"],
        ),
        (
            {"type": "absoluteYearly", "interval": 1, "dayOfMonth": 15, "month": 12},
            "2026-12-15",
            {"numberOfOccurrences": 2},
            ["12-15", "12-15"],
        ),
        (
            {
                "type": "relativeYearly",
                "interval": 1,
                "daysOfWeek": ["wednesday"],
                "index": "last",
                "month": 12,
            },
            "2026-12-30",
            {"numberOfOccurrences": 2},
            ["12-30", "12-29"],
        ),
    ],
    ids=[
        "every-other-day",
        "every-other-tuesday",
        "31st-is-last-day",
        "first-monday",
        "last-friday",
        "first-thursday-or-friday",
        "yearly-dec-15",
        "last-wednesday-of-december",
    ],
)
async def test_each_pattern_gives_the_days_the_concepts_page_describes(
    harness: GraphHarness,
    pattern: dict[str, Any],
    start: str,
    span: dict[str, Any],
    expected: list[str],
) -> None:
    """The pattern types and their required properties, as in "Recurrence patterns"."""
    await series(harness, f"{start}T10:00:00", f"{start}T10:30:00", rule(pattern, start, **span))
    seen = await view(harness, "2026-11-01T00:00:00Z", "2028-12-31T00:00:00Z")
    assert [e["start"]["dateTime"][5:10] for e in seen] == expected
    assert {e["start"]["dateTime"][11:16] for e in seen} == {"10:00"}


async def test_the_first_occurrence_is_the_first_day_fitting_the_pattern(
    harness: GraphHarness,
) -> None:
    """ "The first occurrence of the meeting might not occur on [startDate] if it does not fit
    the pattern": the master starts on the first Thursday."""
    recurrence = rule({"type": "weekly", "interval": 1, "daysOfWeek": ["thursday"]}, "2026-12-01")
    master = await series(harness, "2026-12-01T15:00:00", "2026-12-01T16:00:00", recurrence)
    assert master["start"]["dateTime"].startswith("2026-12-03T15:00")
    assert master["end"]["dateTime"].startswith("2026-12-03T16:00")


async def test_occurrences_keep_their_wall_clock_time_across_daylight_saving(
    harness: GraphHarness,
) -> None:
    """A series recurs at its local time in its zone: 09:00 in Berlin is 08:00Z in March and
    07:00Z after the clocks go forward."""
    recurrence = rule(
        {"type": "weekly", "interval": 1, "daysOfWeek": ["friday"]},
        "2027-03-19",
        numberOfOccurrences=3,
    )
    await series(
        harness, "2027-03-19T09:00:00", "2027-03-19T09:30:00", recurrence, zone="Europe/Berlin"
    )
    seen = await view(harness, "2027-03-01T00:00:00Z", "2027-04-30T00:00:00Z")
    assert starts(seen) == ["2027-03-19T08:00", "2027-03-26T08:00", "2027-04-02T07:00"]


async def weekly_three(h: GraphHarness) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    recurrence = rule(
        {"type": "weekly", "interval": 1, "daysOfWeek": ["tuesday"]},
        "2026-12-01",
        numberOfOccurrences=3,
    )
    master = await series(h, "2026-12-01T09:00:00", "2026-12-01T09:30:00", recurrence)
    return master, await view(h, "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z")


def path(event_id: str) -> str:
    return f"{EVENTS}/{quote(event_id, safe='')}"


async def test_an_occurrence_is_read_and_cancelled_by_its_own_id(harness: GraphHarness) -> None:
    """event: cancel on an occurrence's id cancels that occurrence only."""
    master, [first, second, third] = await weekly_three(harness)
    fetched = assert_event(await harness.graph.get(path(second["id"])))
    assert (fetched["type"], fetched["seriesMasterId"]) == ("occurrence", master["id"])
    response = await harness.graph.post(f"{path(second['id'])}/cancel", json={})
    assert response.status_code == 202, response.text
    left = await view(harness, "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z")
    assert [e["id"] for e in left] == [first["id"], third["id"]]
    assert_graph_error(await harness.graph.get(path(second["id"])), 404, "ErrorItemNotFound")
    assert_event(await harness.graph.get(path(master["id"])))


async def test_cancelling_the_master_cancels_the_whole_series(harness: GraphHarness) -> None:
    master, [first, *_] = await weekly_three(harness)
    moved = {
        "start": {"dateTime": "2026-12-01T11:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-12-01T11:30:00", "timeZone": "UTC"},
    }
    assert_event(await harness.graph.patch(path(first["id"]), json=moved))
    response = await harness.graph.post(f"{path(master['id'])}/cancel", json={"Comment": "Done"})
    assert response.status_code == 202, response.text
    assert await view(harness, "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z") == []
    assert assert_events(await harness.graph.get(EVENTS))["value"] == []


async def test_a_changed_occurrence_becomes_an_exception_in_its_place(
    harness: GraphHarness,
) -> None:
    """Update event on an occurrence: the view shows the exception, with its originalStart."""
    master, [_, second, _] = await weekly_three(harness)
    moved = {
        "subject": "Standup (moved)",
        "start": {"dateTime": "2026-12-09T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-12-09T09:30:00", "timeZone": "UTC"},
    }
    updated = assert_event(await harness.graph.patch(path(second["id"]), json=moved))
    assert updated["id"] == second["id"]
    seen = await view(harness, "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z")
    assert [(e["type"], e["subject"]) for e in seen] == [
        ("occurrence", "Standup"),
        ("exception", "Standup (moved)"),
        ("occurrence", "Standup"),
    ]
    assert seen[1]["originalStart"] == "2026-12-08T09:00:00.0000000Z"
    assert seen[1]["seriesMasterId"] == master["id"]


async def test_an_occurrence_cannot_move_past_its_neighbour(harness: GraphHarness) -> None:
    _, [first, _, _] = await weekly_three(harness)
    moved = {
        "start": {"dateTime": "2026-12-08T10:00:00", "timeZone": "UTC"},
        "end": {"dateTime": "2026-12-08T10:30:00", "timeZone": "UTC"},
    }
    response = await harness.graph.patch(path(first["id"]), json=moved)
    assert_graph_error(response, 400, "ErrorOccurrenceCrossingBoundary")
    seen = await view(harness, "2026-11-30T00:00:00Z", "2026-12-31T00:00:00Z")
    assert [e["type"] for e in seen] == ["occurrence"] * 3


WEEKLY_MONDAY = {"type": "weekly", "interval": 1, "daysOfWeek": ["monday"]}


@pytest.mark.parametrize(
    ("recurrence", "status", "code", "fragment"),
    [
        (
            rule({"type": "weekly", "interval": 1}, "2026-11-30"),
            400,
            "ErrorInvalidRequest",
            "daysOfWeek",
        ),
        (
            rule({"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 32}, "2026-11-30"),
            400,
            "ErrorInvalidRequest",
            "dayOfMonth",
        ),
        (
            rule(
                {"type": "absoluteYearly", "interval": 1, "dayOfMonth": 30, "month": 2},
                "2026-11-30",
            ),
            400,
            "ErrorInvalidRequest",
            "never has a day 30",
        ),
        (
            rule(
                {"type": "relativeYearly", "interval": 1, "daysOfWeek": ["monday"], "month": 13},
                "2026-11-30",
            ),
            400,
            "ErrorInvalidRequest",
            "month",
        ),
        (
            rule(WEEKLY_MONDAY, "2026-11-30", numberOfOccurrences=0),
            400,
            "ErrorInvalidRequest",
            "positive",
        ),
        (
            rule(WEEKLY_MONDAY, "2026-11-30", endDate="2026-11-01"),
            400,
            "ErrorInvalidRequest",
            "ends",
        ),
        (rule(WEEKLY_MONDAY, "2026-12-07"), 400, "ErrorInvalidRequest", "startDate"),
        (
            rule(
                {"type": "weekly", "interval": 1, "daysOfWeek": ["sunday"]},
                "2026-11-30",
                endDate="2026-12-05",
            ),
            400,
            "ErrorInvalidRequest",
            "no occurrence",
        ),
        ({"pattern": WEEKLY_MONDAY}, 400, "ErrorInvalidRequest", "pattern and a range"),
        (rule({"type": "daily"}, "2026-11-30"), 500, "ErrorInternalServerError", "internal server"),
        (
            rule({"type": "weekly", "interval": 1, "daysOfWeek": ["munday"]}, "2026-11-30"),
            400,
            "BadRequest",
            "dayOfWeek",
        ),
    ],
    ids=[
        "weekly-without-days",
        "day-32",
        "february-30",
        "month-13",
        "zero-occurrences",
        "ends-before-start",
        "start-date-not-the-start",
        "no-day-fits",
        "no-range",
        "no-interval",
        "unknown-day",
    ],
)
async def test_impossible_rules_are_refused_and_nothing_is_stored(
    harness: GraphHarness, recurrence: dict[str, Any], status: int, code: str, fragment: str
) -> None:
    body = event_body("Never", "2026-11-30T09:00:00", "2026-11-30T09:30:00", recurrence=recurrence)
    message = assert_graph_error(await harness.graph.post(EVENTS, json=body), status, code)
    assert fragment in message
    assert await harness.stored_events() == []


async def test_an_occurrence_longer_than_the_gap_between_occurrences_is_refused(
    harness: GraphHarness,
) -> None:
    recurrence = rule({"type": "daily", "interval": 1}, "2026-11-30")
    body = event_body("Long", "2026-11-30T09:00:00", "2026-12-01T10:00:00", recurrence=recurrence)
    response = await harness.graph.post(EVENTS, json=body)
    assert_graph_error(response, 400, "ErrorOccurrenceTimeSpanTooBig")
    assert await harness.stored_events() == []
