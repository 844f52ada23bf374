"""The events routes, under `/me`, `/users/{user_id}` and their default `/calendar`.

- POST   .../events                      201; a repeated transactionId returns the first event;
                                         with a recurrence, a series master
- GET    .../events                      the calendar's events (not cancelled), paged
- GET    .../events/{id}                 one event ($select, Prefer: outlook.timezone)
- PATCH  .../events/{id}                 200 with the updated event (an occurrence becomes an
                                         exception)
- DELETE .../events/{id}                 204
- POST   .../events/{id}/cancel          202, empty body; the organizer only, once; an
                                         occurrence alone, or a master with its whole series

Occurrences of a series are computed (graph_emulator/series.py, series_store.py).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiohttp import web

from graph_emulator.auth import target_user
from graph_emulator.calendar_docs import user_calendar
from graph_emulator.errors import GraphError
from graph_emulator.event_docs import (
    KIND,
    Owner,
    cancelled_event,
    is_event_id,
    new_event,
    patched_event,
    stored_instant,
    window,
)
from graph_emulator.event_view import visible_event
from graph_emulator.query import (
    Preferences,
    context_segment,
    ordered,
    page,
    preferences,
    project,
    reject_unsupported_options,
    selected,
)
from graph_emulator.series import check_move, make_master, series_window
from graph_emulator.series_store import (
    cancel_occurrence,
    cancel_series,
    load_event,
    save_exception,
)
from graph_emulator.state import state_of
from graph_emulator.store import DuplicateResource
from graph_emulator.tenant_settings import tenant_settings
from graph_emulator.user_directory import find_user
from graph_emulator.wire import graph_json, odata_context, read_json_object

TYPE = "microsoft.graph.event"
PREFIXES = (
    "/v1.0/me",
    "/v1.0/users/{user_id}",
    "/v1.0/me/calendar",
    "/v1.0/users/{user_id}/calendar",
)


def add_event_routes(app: web.Application) -> None:
    for prefix in PREFIXES:
        base = f"{prefix}/events"
        app.router.add_post(base, create_event)
        app.router.add_get(base, list_events)
        app.router.add_get(f"{base}/{{event_id}}", get_event)
        app.router.add_patch(f"{base}/{{event_id}}", update_event)
        app.router.add_delete(f"{base}/{{event_id}}", delete_event)
        app.router.add_post(f"{base}/{{event_id}}/cancel", cancel_event)


async def create_event(request: web.Request) -> web.Response:
    """Idempotent by transactionId per user: a retry gets the event the first call made (201)."""
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    params = state.model.read_entity(await read_json_object(request), TYPE)
    event = new_event(params, owner_of(request, tenant_id, user_id))
    span = window(event)
    if params.get("recurrence") is not None:
        event = make_master(event, params["recurrence"])
        span = series_window(event)
    key = params.get("transactionId") or None
    existing = state.store.get_by_key(KIND, tenant_id, user_id, key) if key else None
    if existing is None:
        try:
            state.store.insert(
                KIND, tenant_id, user_id, event["id"], event, natural_key=key, window=span
            )
        except DuplicateResource as error:  # a concurrent retry sharing the file won the race
            existing = state.store.get_by_key(KIND, tenant_id, user_id, key) if key else None
            if existing is None:
                raise GraphError(409, "Conflict", str(error)) from error
    return entity_response(request, user_id, existing or event, status=201)


async def list_events(request: web.Request) -> web.Response:
    """/events lists single instances and series masters ("List events": occurrences are only
    in calendarView); a cancelled event has gone to Deleted Items."""
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    reject_unsupported_options(request)
    names = selected(request, TYPE)
    live = [
        e
        for e in state.store.owned(KIND, tenant_id, user_id)
        if not e.get("isCancelled") and e.get("type") not in ("occurrence", "exception")
    ]
    return collection_response(request, user_id, "events", ordered(request, live, TYPE), names)


async def get_event(request: web.Request) -> web.Response:
    tenant_id, user_id = target_user(request)
    event, _ = _found(request, tenant_id, user_id)
    return entity_response(request, user_id, event, names=selected(request, TYPE))


async def update_event(request: web.Request) -> web.Response:
    """A master's new start or end moves the whole series; an occurrence's makes it an
    exception."""
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    params = state.model.read_entity(await read_json_object(request), TYPE)
    event, master = _found(request, tenant_id, user_id)
    updated = patched_event(event, params, owner_of(request, tenant_id, user_id))
    if master is not None:
        check_move(master, str(event["originalStart"]), stored_instant(updated["start"]))
        save_exception(state.store, tenant_id, user_id, master, updated)
    else:
        span = series_window(updated) if updated.get("type") == "seriesMaster" else window(updated)
        state.store.replace(KIND, tenant_id, user_id, event["id"], updated, window=span)
    return entity_response(request, user_id, updated)


async def delete_event(request: web.Request) -> web.Response:
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    event, master = _found(request, tenant_id, user_id)
    if master is not None:
        cancel_occurrence(state.store, tenant_id, user_id, master, event)
    else:
        state.store.delete(KIND, tenant_id, user_id, event["id"])
    return web.Response(status=204)


async def cancel_event(request: web.Request) -> web.Response:
    """202 Accepted with no body, as the event: cancel page documents."""
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    comment = await _cancel_comment(request)
    event, master = _found(request, tenant_id, user_id)
    cancelled = cancelled_event(event, comment, state.now())  # the organizer's, and once
    if master is not None:
        cancel_occurrence(state.store, tenant_id, user_id, master, event)
    elif event.get("type") == "seriesMaster":
        cancel_series(state.store, event, tenant_id, user_id, comment, state.now())
    else:
        state.store.replace(KIND, tenant_id, user_id, event["id"], cancelled)
    return web.Response(status=202)


# -- shared with calendarView ------------------------------------------------------------------


def owner_of(request: web.Request, tenant_id: str, user_id: str) -> Owner:
    """The calendar's owner, with what their tenant and directory entry switch on."""
    state = state_of(request)
    tenant = tenant_settings(state.store, tenant_id)
    user = find_user(state.store, tenant_id, user_id, closed=False)
    return Owner(
        tenant_id=tenant_id,
        user_id=user_id,
        calendar=user_calendar(state.store, tenant_id, user_id),
        now=state.now(),
        link_delay=timedelta(seconds=state.settings.join_url_delay_seconds),
        documented_zones=tenant.documented_time_zones,
        short_links=tenant.short_join_links,
        teams_licensed=user is None or user.has_teams_license,
        offline_on_create=user is not None and user.creates_events_offline,
        offline_on_reschedule=user is not None and user.reschedule_drops_online_meeting,
    )


def entity_response(
    request: web.Request,
    user_id: str,
    event: dict[str, Any],
    *,
    status: int = 200,
    names: list[str] | None = None,
) -> web.Response:
    prefs = preferences(request)
    shown = project(visible_event(event, state_of(request).now(), prefs), names)
    segment = context_segment("events", names)
    context = odata_context(request, f"users('{user_id}')/{segment}/$entity")
    return _with_preferences(graph_json({"@odata.context": context, **shown}, status), prefs)


def collection_response(
    request: web.Request,
    user_id: str,
    segment: str,
    events: list[dict[str, Any]],
    names: list[str] | None,
) -> web.Response:
    """One page of events; `@odata.nextLink` (absolute, on this emulator) when more remain."""
    prefs = preferences(request)
    now = state_of(request).now()
    chunk, next_link = page(request, events)
    document: dict[str, Any] = {
        "@odata.context": odata_context(
            request, f"users('{user_id}')/{context_segment(segment, names)}"
        ),
        "value": [project(visible_event(e, now, prefs), names) for e in chunk],
    }
    if next_link is not None:
        document["@odata.nextLink"] = next_link
    return _with_preferences(graph_json(document), prefs)


def _with_preferences(response: web.Response, prefs: Preferences) -> web.Response:
    prefs.apply_to(response)
    return response


def _found(
    request: web.Request, tenant_id: str, user_id: str
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The event the path names, and its master when it is a computed occurrence."""
    event_id = request.match_info["event_id"]
    if not is_event_id(event_id):
        raise GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.")
    event, master = load_event(state_of(request).store, tenant_id, user_id, event_id)
    if event is None:
        raise GraphError.not_found(
            "The specified object was not found in the store.", code="ErrorItemNotFound"
        )
    return event, master


async def _cancel_comment(request: web.Request) -> str | None:
    """The optional `Comment` parameter (the docs spell it both `comment` and `Comment`)."""
    if not (await request.read()).strip():
        return None
    comment: str | None = None
    for key, value in (await read_json_object(request)).items():
        if "@" in key:
            continue
        if key.lower() != "comment":
            raise GraphError.bad_request(
                f"The parameter '{key}' in the request payload is not a valid parameter "
                "for the operation 'cancel'."
            )
        if value is not None and not isinstance(value, str):
            raise GraphError.bad_request(
                f"Cannot convert the literal '{value}' to the expected type 'Edm.String'"
                f" for property '{key}'."
            )
        comment = value
    return comment
