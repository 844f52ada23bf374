"""Events a test places in a calendar directly: ones the user only attends, and recurring series.

Graph's calendarView holds events the user did not organize (isOrganizer false, organizer
someone else, a responseStatus of their own) and, for a recurring series, its occurrences
(type "occurrence", seriesMasterId naming the series master) — "List calendarView", v1.0. A
series created through Graph is expanded by the emulator (graph_emulator/series.py); a placed
one is not, so a test seeds the master and exactly the occurrences it wants to be seen.
Read-only properties Graph fills itself are accepted here for exactly that.
"""

from __future__ import annotations

from typing import Any

from graph_emulator.errors import GraphError
from graph_emulator.event_docs import NEVER, Owner, new_event
from graph_emulator.odata import format_graph_datetime, parse_graph_datetime
from graph_emulator.series import PLACED

JSONObject = dict[str, Any]

#: Server-owned event properties a seed may set; the rest comes from the Graph rules.
SEEDABLE = (
    "isOrganizer",
    "organizer",
    "responseStatus",
    "type",
    "seriesMasterId",
    "recurrence",
    "originalStart",
    "onlineMeeting",
)
_IN_SERIES = ("occurrence", "exception")


def seeded_event(params: JSONObject, owner: Owner) -> JSONObject:
    """An event as stored, from a schema-validated body that may set SEEDABLE properties."""
    fixed = {key: params[key] for key in SEEDABLE if params.get(key) is not None}
    regular = {key: value for key, value in params.items() if key not in SEEDABLE}
    event = new_event(regular, owner)
    event_type = fixed.get("type", "singleInstance")
    _check_series(event_type, fixed)
    event["type"] = event_type
    event["seriesMasterId"] = fixed.get("seriesMasterId")
    event["recurrence"] = fixed.get("recurrence")
    if event_type == "seriesMaster":
        event[PLACED] = True  # the test places the occurrences it wants seen
    if event_type in _IN_SERIES:
        event["originalStart"] = format_graph_datetime(
            parse_graph_datetime(fixed.get("originalStart") or event["start"]["dateTime"])
        )
    if fixed.get("isOrganizer") is False:
        if "organizer" not in fixed:
            raise GraphError.bad_request(
                "An event the user only attends needs its 'organizer' (someone else)."
            )
        event["isOrganizer"] = False
        event["responseStatus"] = {"response": "notResponded", "time": NEVER}
    for key in ("organizer", "responseStatus"):
        if key in fixed:
            event[key] = fixed[key]
    if "onlineMeeting" in fixed:  # an organizer's meeting the user was invited to
        event["isOnlineMeeting"] = True
        event["onlineMeetingProvider"] = params.get("onlineMeetingProvider") or "teamsForBusiness"
        event["onlineMeeting"] = fixed["onlineMeeting"]
    return event


def _check_series(event_type: str, fixed: JSONObject) -> None:
    if event_type in _IN_SERIES and not fixed.get("seriesMasterId"):
        raise GraphError.bad_request(f"An event of type '{event_type}' needs 'seriesMasterId'.")
    if event_type == "seriesMaster" and not fixed.get("recurrence"):
        raise GraphError.bad_request("A 'seriesMaster' event needs its 'recurrence'.")
    if event_type != "seriesMaster" and fixed.get("recurrence"):
        raise GraphError.bad_request("Only a 'seriesMaster' event has a 'recurrence'.")
