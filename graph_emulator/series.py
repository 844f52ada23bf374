"""Recurring series as Graph shows them: a series master, its occurrences and its exceptions.

POST .../events with a `recurrence` stores one seriesMaster ("Create event"; its start and end
are those of the first occurrence, which "might not occur on [startDate] if it does not fit the
pattern" — Graph concepts, outlook-schedule-recurring-events.md). calendarView shows "the
occurrences, exceptions, and single instances of events" ("List calendarView"): occurrences are
computed here from the master (type "occurrence", seriesMasterId, originalStart), each with an
id of its own that GET, PATCH, DELETE and cancel accept. A PATCH of an occurrence makes it an
exception (type "exception"), stored on its own; a cancelled occurrence leaves the view, and
cancelling the master cancels the whole series. Moving an occurrence onto or past a neighbour
is refused with ErrorOccurrenceCrossingBoundary (microsoft-graph-docs pull request #2275: "the
update violates an Outlook restriction on recurrence exceptions").

A series placed through the control API (graph_emulator/event_seed.py) is not computed: the
test places the occurrences it wants seen.
"""

from __future__ import annotations

import base64
import binascii
import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

from graph_emulator.errors import GraphError
from graph_emulator.event_docs import stored_instant
from graph_emulator.odata import format_graph_datetime, parse_graph_datetime
from graph_emulator.recurrence import Rule, check_rule, occurrence_dates
from graph_emulator.timezones import known_zone, wall_clock, zone_for

JSONObject = dict[str, Any]

CANCELLED = "@emulator.cancelledOccurrences"
EXCEPTIONS = "@emulator.exceptions"
PLACED = "@emulator.placed"
_MARK = b"occurrence\n"
_NO_END = "9999-12-31T23:59:59.0000000Z"
_MASTER_ONLY = ("recurrence", CANCELLED, EXCEPTIONS, "transactionId")


def series_zone(master: JSONObject) -> str:
    """Where the pattern's days are counted: recurrenceTimeZone, else the start's zone."""
    span = (master.get("recurrence") or {}).get("range") or {}
    return str(span.get("recurrenceTimeZone") or master.get("originalStartTimeZone") or "UTC")


def _zone(name: str) -> Any:
    return known_zone(name) or UTC


def rule_of(master: JSONObject) -> Rule:
    return check_rule(master["recurrence"])


def make_master(event: JSONObject, recurrence: JSONObject) -> JSONObject:
    """A new event with a recurrence, as its series master: moved to its first occurrence."""
    master = {**event, "type": "seriesMaster", "recurrence": recurrence}
    zone = zone_for(series_zone(master))
    rule = check_rule(recurrence, stored_instant(event["start"]).astimezone(zone).date())
    first = next(occurrence_dates(rule))
    start, end = _occurrence_times(master, first, zone)
    if end - start > _shortest_gap(rule):
        raise GraphError(
            400,
            "ErrorOccurrenceTimeSpanTooBig",
            "Your request can't be completed. An occurrence lasts longer than the time between "
            "two occurrences of the series.",
        )
    master["start"], master["end"] = wall_clock(start, "UTC"), wall_clock(end, "UTC")
    return master


def _shortest_gap(rule: Rule) -> timedelta:
    days = list(occurrence_dates(rule, rule.start + timedelta(days=800)))[:60]
    gaps = [b - a for a, b in itertools.pairwise(days)]
    return min(gaps, default=timedelta(days=36500))


def series_window(master: JSONObject) -> tuple[str, str]:
    """The stored window of a master: its first start to its last end (or no end)."""
    rule = rule_of(master)
    if rule.end is None and rule.count is None:
        return format_graph_datetime(stored_instant(master["start"])), _NO_END
    last = list(occurrence_dates(rule))[-1]
    _, end = _occurrence_times(master, last, _zone(series_zone(master)))
    return format_graph_datetime(stored_instant(master["start"])), format_graph_datetime(end)


def occurrences(master: JSONObject, start: datetime, end: datetime) -> list[JSONObject]:
    """The master's occurrences overlapping [start, end), without cancelled or excepted ones."""
    if master.get(PLACED) or master.get("isCancelled"):
        return []
    zone = _zone(series_zone(master))
    skipped = {*master.get(CANCELLED, ()), *master.get(EXCEPTIONS, ())}
    found = []
    for day in occurrence_dates(rule_of(master), end.astimezone(zone).date()):
        begins, ends = _occurrence_times(master, day, zone)
        original = format_graph_datetime(begins)
        if begins < end and ends > start and original not in skipped:
            found.append(occurrence_doc(master, begins, ends))
    return found


def occurrence_doc(master: JSONObject, start: datetime, end: datetime) -> JSONObject:
    """One occurrence as Graph shows it: the master's properties at its own time and id."""
    original = format_graph_datetime(start)
    doc = {k: v for k, v in master.items() if k not in _MASTER_ONLY}
    doc.update(
        id=occurrence_id(str(master["id"]), original),
        type="occurrence",
        seriesMasterId=master["id"],
        originalStart=original,
        recurrence=None,
        start=wall_clock(start, "UTC"),
        end=wall_clock(end, "UTC"),
    )
    return doc


def find_occurrence(master: JSONObject, original: str) -> JSONObject | None:
    """The occurrence that originally starts at `original`, if the series has one there."""
    moment = parse_graph_datetime(original)
    for doc in occurrences(master, moment, moment + timedelta(seconds=1)):
        if doc["originalStart"] == format_graph_datetime(moment):
            return doc
    return None


def check_move(master: JSONObject, original: str, new_start: datetime) -> None:
    """An occurrence may move, but not onto or past the day of its neighbours."""
    zone = _zone(series_zone(master))
    day = parse_graph_datetime(original).astimezone(zone).date()
    days = list(occurrence_dates(rule_of(master), day + timedelta(days=800)))
    before = [d for d in days if d < day]
    after = [d for d in days if d > day]
    moved = new_start.astimezone(zone).date()
    if (before and moved <= before[-1]) or (after and moved >= after[0]):
        raise GraphError(
            400,
            "ErrorOccurrenceCrossingBoundary",
            "Your request can't be completed. An occurrence can't be moved onto or past the day "
            "of the occurrence before or after it.",
        )


def occurrence_id(master_id: str, original: str) -> str:
    """Stable per master and original start, and readable back by `parse_occurrence_id`."""
    raw = _MARK + f"{master_id}\n{original}".encode()
    return "AAMkA" + base64.urlsafe_b64encode(raw).decode("ascii")


def parse_occurrence_id(event_id: str) -> tuple[str, str] | None:
    """(master id, original start) for an occurrence id; None for any other id."""
    try:
        raw = base64.urlsafe_b64decode(event_id.removeprefix("AAMkA"))
    except (binascii.Error, ValueError):
        return None
    if not raw.startswith(_MARK):
        return None
    master_id, _, original = raw[len(_MARK) :].decode("utf-8", "replace").partition("\n")
    return (master_id, original) if master_id and original else None


def _occurrence_times(master: JSONObject, day: date, zone: Any) -> tuple[datetime, datetime]:
    """The occurrence on `day`: the master's wall-clock start time there, and its length."""
    first, last = stored_instant(master["start"]), stored_instant(master["end"])
    local = first.astimezone(zone)
    start = datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=zone)
    start = start.astimezone(UTC).astimezone(zone)  # a wall time in a DST gap moves forward
    return start.astimezone(UTC), (start + (last - first)).astimezone(UTC)
