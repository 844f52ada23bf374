"""The control API for calendars: the join-link delay, users' calendar settings, stored events.

- GET/PUT /_emulator/settings                    `{"joinUrlDelaySeconds": 1.5,
  "requestLogLimit": 5000}` (either; the log keeps only the newest calls)
- GET/PUT /_emulator/users/{user_id}/calendar    `{"allowedOnlineMeetingProviders": [...],
  "defaultOnlineMeetingProvider": "...", "name": "...", "address": "..."}` (any subset)
- GET     /_emulator/users/{user_id}/events      every stored event, cancelled ones included
- GET/PUT /_emulator/users/{user_id}/workingHours  the user's working hours as getSchedule
  shows them (a microsoft.graph.workingHours; default Monday to Friday 08:00-17:00 UTC)
- GET     /_emulator/users/{user_id}/onlineMeetings  every stored online meeting (a deleted
  one is gone, as in Graph)
- POST    /_emulator/users/{user_id}/events      place an event as Graph would hold it, with
  the read-only properties a test needs: isOrganizer/organizer/responseStatus (an event the user
  only attends), type/seriesMasterId/recurrence/originalStart (a recurring series), and
  onlineMeeting (someone else's Teams meeting); 201 with the stored event

User routes act in the emulator's default tenant unless `?tenant=<id>` names another.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from aiohttp import web

from graph_emulator.calendar_docs import update_calendar, user_calendar
from graph_emulator.errors import GraphError
from graph_emulator.event_docs import KIND as EVENT_KIND
from graph_emulator.event_docs import window
from graph_emulator.event_seed import seeded_event
from graph_emulator.events import owner_of
from graph_emulator.free_busy import WORKING_HOURS, working_hours
from graph_emulator.meetings import KIND as MEETING_KIND
from graph_emulator.state import EmulatorState, state_of
from graph_emulator.timezones import known_zone
from graph_emulator.wire import read_json_object

_PREFIX = "/_emulator"
_PROVIDER_KEYS = ("allowedOnlineMeetingProviders", "defaultOnlineMeetingProvider")
_OWNER_KEYS = ("name", "address")
_SETTABLE = ("joinUrlDelaySeconds", "requestLogLimit")


def add_calendar_control_routes(app: web.Application) -> None:
    app.router.add_get(f"{_PREFIX}/settings", get_settings)
    app.router.add_put(f"{_PREFIX}/settings", put_settings)
    app.router.add_get(f"{_PREFIX}/users/{{user_id}}/calendar", get_user_calendar)
    app.router.add_put(f"{_PREFIX}/users/{{user_id}}/calendar", put_user_calendar)
    app.router.add_get(f"{_PREFIX}/users/{{user_id}}/workingHours", get_working_hours)
    app.router.add_put(f"{_PREFIX}/users/{{user_id}}/workingHours", put_working_hours)
    app.router.add_get(f"{_PREFIX}/users/{{user_id}}/events", stored_events)
    app.router.add_post(f"{_PREFIX}/users/{{user_id}}/events", seed_event)
    app.router.add_get(f"{_PREFIX}/users/{{user_id}}/onlineMeetings", stored_meetings)


async def get_settings(request: web.Request) -> web.Response:
    return web.json_response(_settings_json(state_of(request)))


async def put_settings(request: web.Request) -> web.Response:
    """Change settings of the running emulator: joinUrlDelaySeconds, requestLogLimit."""
    state = state_of(request)
    body = await read_json_object(request)
    unknown = sorted(set(body) - set(_SETTABLE))
    if unknown:
        raise GraphError.bad_request(
            f"Unknown setting(s) {', '.join(unknown)}; settable: {', '.join(_SETTABLE)}."
        )
    delay = body.get("joinUrlDelaySeconds", 0)
    if not _is_number(delay) or delay < 0:
        raise GraphError.bad_request(
            "joinUrlDelaySeconds must be a number of seconds, 0 or more (e.g. 1.5)."
        )
    limit = body.get("requestLogLimit", 1)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise GraphError.bad_request("requestLogLimit must be a whole number of calls, 1 or more.")
    if "joinUrlDelaySeconds" in body:
        state.settings = replace(state.settings, join_url_delay_seconds=float(delay))
    if "requestLogLimit" in body:
        state.settings = replace(state.settings, request_log_limit=limit)
        state.log.set_limit(limit)
    return web.json_response(_settings_json(state))


async def get_user_calendar(request: web.Request) -> web.Response:
    tenant_id, user_id = _user(request)
    return web.json_response(user_calendar(state_of(request).store, tenant_id, user_id))


async def put_user_calendar(request: web.Request) -> web.Response:
    """Providers are checked (case-insensitively) against Graph's onlineMeetingProviderType."""
    state = state_of(request)
    tenant_id, user_id = _user(request)
    body = await read_json_object(request)
    unknown = sorted(set(body) - {*_PROVIDER_KEYS, *_OWNER_KEYS})
    if unknown:
        raise GraphError.bad_request(
            f"Unknown calendar setting(s) {', '.join(unknown)}; settable: "
            f"{', '.join((*_PROVIDER_KEYS, *_OWNER_KEYS))}."
        )
    providers = {key: body[key] for key in _PROVIDER_KEYS if key in body}
    changes = state.model.read_entity(providers, "microsoft.graph.calendar")
    for key in _OWNER_KEYS:
        if key in body:
            if not isinstance(body[key], str) or not body[key]:
                raise GraphError.bad_request(f"'{key}' must be a non-empty string.")
            changes[key] = body[key]
    calendar = update_calendar(state.store, tenant_id, user_id, changes)
    return web.json_response(calendar)


async def get_working_hours(request: web.Request) -> web.Response:
    tenant_id, user_id = _user(request)
    return web.json_response(working_hours(state_of(request).store, tenant_id, user_id))


async def put_working_hours(request: web.Request) -> web.Response:
    """Validated against Microsoft's workingHours type; every property is required here."""
    state = state_of(request)
    tenant_id, user_id = _user(request)
    body = state.model.read_entity(await read_json_object(request), "microsoft.graph.workingHours")
    missing = [k for k in ("daysOfWeek", "startTime", "endTime", "timeZone") if not body.get(k)]
    if missing:
        raise GraphError.bad_request(f"Working hours need {', '.join(missing)}.")
    if known_zone(str(body["timeZone"].get("name") or "")) is None:
        raise GraphError.bad_request(f"Unknown time zone {body['timeZone'].get('name')!r}.")
    if body["endTime"] <= body["startTime"]:
        raise GraphError.bad_request("Working hours must end after they start.")
    key = f"{tenant_id}/{user_id}"
    state.store.put(WORKING_HOURS, tenant_id, user_id, key, body)
    return web.json_response(body)


async def stored_events(request: web.Request) -> web.Response:
    """Every event of the user exactly as stored (UTC times, `@emulator.*` annotations)."""
    tenant_id, user_id = _user(request)
    return web.json_response(state_of(request).store.owned(EVENT_KIND, tenant_id, user_id))


async def stored_meetings(request: web.Request) -> web.Response:
    """Every online meeting of the user as stored (Graph itself can only look one up)."""
    tenant_id, user_id = _user(request)
    return web.json_response(state_of(request).store.owned(MEETING_KIND, tenant_id, user_id))


async def seed_event(request: web.Request) -> web.Response:
    """Validated against Microsoft's event schema; see graph_emulator/event_seed.py."""
    state = state_of(request)
    tenant_id, user_id = _user(request)
    params = state.model.read_entity(await read_json_object(request), "microsoft.graph.event")
    event = seeded_event(params, owner_of(request, tenant_id, user_id))
    state.store.insert(EVENT_KIND, tenant_id, user_id, event["id"], event, window=window(event))
    return web.json_response(event, status=201)


def _user(request: web.Request) -> tuple[str, str]:
    tenant = request.query.get("tenant") or state_of(request).settings.default_tenant_id
    return tenant, request.match_info["user_id"]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _settings_json(state: EmulatorState) -> dict[str, Any]:
    settings = state.settings
    return {
        "joinUrlDelaySeconds": settings.join_url_delay_seconds,
        "latencyMs": settings.latency_ms,
        "defaultTenantId": settings.default_tenant_id,
        "requestLogLimit": state.log.limit,
    }
