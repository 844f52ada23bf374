"""POST /me/calendar/getSchedule and /users/{id}/calendar/getSchedule ("calendar: getSchedule").

The parameters are Schedules, StartTime, EndTime and AvailabilityViewInterval (default 30,
from 5 to 1440 minutes). Their names are read case-insensitively: the reference page sends
`schedules`/`startTime`, the CSDL and the concepts page `Schedules`/`StartTime`, and real
clients mix both (microsoft-graph-docs issue #4494). The concepts page sends the interval as
a string ("15"), so a string of digits is read as the number. `Prefer: outlook.timezone` sets
the zone of the items' times (UTC otherwise). What each schedule holds is in free_busy.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp import web

from graph_emulator.auth import target_user
from graph_emulator.errors import GraphError
from graph_emulator.free_busy import mailbox_of, schedule_of, unresolved
from graph_emulator.query import preferences
from graph_emulator.state import state_of
from graph_emulator.tenant_settings import tenant_settings
from graph_emulator.timezones import instant_of
from graph_emulator.wire import graph_json, odata_context, read_json_object

JSONObject = dict[str, Any]

_NAMES = ("Schedules", "StartTime", "EndTime", "AvailabilityViewInterval")
_INTERVAL = (5, 1440)


def add_schedule_routes(app: web.Application) -> None:
    for prefix in ("/v1.0/me", "/v1.0/users/{user_id}"):
        app.router.add_post(f"{prefix}/calendar/getSchedule", get_schedule)


async def get_schedule(request: web.Request) -> web.Response:
    state = state_of(request)
    tenant_id, _ = target_user(request)
    params = _parameters(request, await read_json_object(request))
    settings = tenant_settings(state.store, tenant_id)
    start = instant_of(params["StartTime"], "StartTime", settings.documented_time_zones)
    end = instant_of(params["EndTime"], "EndTime", settings.documented_time_zones)
    if end <= start:
        raise GraphError.bad_request("The EndTime of the schedule must be after its StartTime.")
    interval = _interval(params.get("AvailabilityViewInterval"))
    prefs = preferences(request)
    window: tuple[datetime, datetime, int] = (start, end, interval)
    value = []
    for address in params["Schedules"]:
        user_id = mailbox_of(state.store, tenant_id, address, closed=settings.closed_directory)
        if user_id is None:
            value.append(unresolved(address))
        else:
            value.append(
                schedule_of(state.store, tenant_id, user_id, address, window, prefs.timezone)
            )
    context = odata_context(request, "Collection(microsoft.graph.scheduleInformation)")
    response = graph_json({"@odata.context": context, "value": value})
    prefs.apply_to(response)
    return response


def _parameters(request: web.Request, body: JSONObject) -> JSONObject:
    canonical = {name.lower(): name for name in _NAMES}
    named = {canonical.get(key.lower(), key): value for key, value in body.items()}
    interval = named.get("AvailabilityViewInterval")
    if isinstance(interval, str) and interval.strip().isdigit():
        named["AvailabilityViewInterval"] = int(interval)
    params = state_of(request).model.read_action(named, "getScheduleRequestBody", "getSchedule")
    schedules = [s for s in params.get("Schedules") or [] if isinstance(s, str) and s.strip()]
    if not schedules:
        raise GraphError.bad_request(
            "The parameter 'Schedules' must name at least one SMTP address."
        )
    for name in ("StartTime", "EndTime"):
        if not params.get(name):
            raise GraphError.bad_request(f"The parameter '{name}' is required for getSchedule.")
    return {**params, "Schedules": schedules}


def _interval(value: Any) -> int:
    if value is None:
        return 30
    low, high = _INTERVAL
    if not float(value).is_integer() or not low <= int(value) <= high:
        raise GraphError.bad_request(
            f"AvailabilityViewInterval must be a whole number of minutes from {low} to {high}."
        )
    return int(value)
