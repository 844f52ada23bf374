"""The onlineMeetings routes, under both `/me` and `/users/{user_id}`, as Graph v1.0 has them.

- POST   .../onlineMeetings                      create (always a new meeting, 201)
- POST   .../onlineMeetings/createOrGet          201 created, or 200 with the existing meeting
- GET    .../onlineMeetings/{id}                 the caller's meeting, else 404
- GET    .../onlineMeetings?$filter=JoinWebUrl eq '...'   a one-item collection (a calendar
                                                 event's Teams meeting too: event_meetings.py)
- PATCH  .../onlineMeetings/{id}                 200 with the updated meeting
- DELETE .../onlineMeetings/{id}                 204

Evolvable enums (lobbyBypassSettings.scope `invited`, ...) follow graph_emulator/evolvable.py.

Deleting a meeting does not end it for people who have its link: on real Graph the DELETE
answers 204 and the joinWebUrl keeps working (microsoft-graph-docs issues #7802 and #17590).
The emulator forgets the meeting (GET answers 404, as Graph's does); it hosts no meetings, so
there is nothing to keep joinable. A client must not promise users that a deleted meeting's
link is dead.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from aiohttp import web

from graph_emulator.auth import target_user
from graph_emulator.errors import GraphError
from graph_emulator.event_meetings import meeting_behind_event
from graph_emulator.evolvable import OPT_IN, answer, check_request, opted_in
from graph_emulator.meeting_docs import new_meeting
from graph_emulator.meeting_updates import patched_meeting
from graph_emulator.state import state_of
from graph_emulator.store import DuplicateResource
from graph_emulator.tenant_settings import tenant_settings
from graph_emulator.wire import graph_json, odata_context, read_json_object

KIND = "onlineMeeting"
_TYPE = "microsoft.graph.onlineMeeting"
_PREFIXES = ("/v1.0/me", "/v1.0/users/{user_id}")
_FILTERS = {
    "joinweburl": "$.joinWebUrl",
    "joinmeetingidsettings/joinmeetingid": "$.joinMeetingIdSettings.joinMeetingId",
}
_FILTER_SYNTAX = re.compile(r"^\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*$")
_FILTER_REQUIRED = (
    "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'. "
    "Listing online meetings needs a $filter on JoinWebUrl "
    "(or joinMeetingIdSettings/joinMeetingId)."
)


def add_meeting_routes(app: web.Application) -> None:
    """Register the routes; createOrGet first so it is never read as a meeting id."""
    for prefix in _PREFIXES:
        base = f"{prefix}/onlineMeetings"
        app.router.add_post(f"{base}/createOrGet", create_or_get)
        app.router.add_post(base, create)
        app.router.add_get(base, list_by_filter)
        app.router.add_get(f"{base}/{{meeting_id}}", get_meeting)
        app.router.add_patch(f"{base}/{{meeting_id}}", update_meeting)
        app.router.add_delete(f"{base}/{{meeting_id}}", delete_meeting)


async def create(request: web.Request) -> web.Response:
    """A new standalone meeting every time (no idempotency: that is what createOrGet is for)."""
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    params = state.model.read_entity(await read_json_object(request), _TYPE)
    params = check_request(params, patch=False, opted=opted_in(request))
    meeting = new_meeting(
        params,
        tenant_id=tenant_id,
        user_id=user_id,
        now=state.now(),
        external_id=params.get("externalId"),
        short_link=tenant_settings(state.store, tenant_id).short_join_links,
    )
    _save(request, tenant_id, user_id, meeting, natural_key=None)
    return _respond(request, user_id, meeting, 201)


async def create_or_get(request: web.Request) -> web.Response:
    """Idempotent by tenant + user + externalId; the body is validated even when it exists."""
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    params = state.model.read_action(
        await read_json_object(request), "createOrGetRequestBody", "createOrGet"
    )
    params = check_request(params, patch=False, opted=opted_in(request))
    external_id = params.get("externalId")
    if not external_id:
        raise GraphError.bad_request("The parameter 'externalId' is required for createOrGet.")
    meeting = new_meeting(
        params,
        tenant_id=tenant_id,
        user_id=user_id,
        now=state.now(),
        external_id=external_id,
        short_link=tenant_settings(state.store, tenant_id).short_join_links,
    )
    existing = state.store.get_by_key(KIND, tenant_id, user_id, external_id)
    if existing is None:
        try:
            _save(request, tenant_id, user_id, meeting, natural_key=external_id)
            return _respond(request, user_id, meeting, 201)
        except GraphError:  # another process sharing the file won the race: return its meeting
            existing = state.store.get_by_key(KIND, tenant_id, user_id, external_id)
            if existing is None:
                raise
    return _respond(request, user_id, existing, 200)


async def get_meeting(request: web.Request) -> web.Response:
    tenant_id, user_id = target_user(request)
    meeting = _owned(request, tenant_id, user_id)
    return _respond(request, user_id, meeting, 200)


async def update_meeting(request: web.Request) -> web.Response:
    """Update onlineMeeting: only the documented properties; start and end together."""
    if request.match_info["meeting_id"] == "createOrGet":  # an action, not a meeting id
        raise web.HTTPMethodNotAllowed(request.method, ["POST"])
    state = state_of(request)
    tenant_id, user_id = target_user(request)
    params = state.model.read_entity(await read_json_object(request), _TYPE)
    params = check_request(params, patch=True, opted=opted_in(request))
    meeting = patched_meeting(_owned(request, tenant_id, user_id), params)
    window = (meeting["startDateTime"], meeting["endDateTime"])
    state.store.replace(KIND, tenant_id, user_id, meeting["id"], meeting, window=window)
    return _respond(request, user_id, meeting, 200)


async def delete_meeting(request: web.Request) -> web.Response:
    tenant_id, user_id = target_user(request)
    meeting_id = request.match_info["meeting_id"]
    if not state_of(request).store.delete(KIND, tenant_id, user_id, meeting_id):
        raise _meeting_not_found(meeting_id)
    return web.Response(status=204)


async def list_by_filter(request: web.Request) -> web.Response:
    """Graph lists online meetings only by a lookup filter, never the whole collection."""
    tenant_id, user_id = target_user(request)
    json_path, value = _parse_filter(request.query.get("$filter"))
    store = state_of(request).store
    found = store.find(KIND, tenant_id, user_id, json_path, value)
    if not found and json_path == "$.joinWebUrl":  # encoded once or twice: the same URL
        wanted = unquote(value)
        found = [
            m for m in store.owned(KIND, tenant_id, user_id) if unquote(m["joinWebUrl"]) == wanted
        ]
    if not found and json_path == "$.joinWebUrl":  # a calendar event's Teams meeting
        behind = meeting_behind_event(store, tenant_id, user_id, value, state_of(request).now())
        found = [behind] if behind is not None else []
    opted = opted_in(request)
    document = {
        "@odata.context": odata_context(request, f"users('{user_id}')/onlineMeetings"),
        "value": [answer(meeting, opted=opted) for meeting in found],
    }
    return _applied(graph_json(document), opted)


def _parse_filter(expression: str | None) -> tuple[str, str]:
    """`JoinWebUrl eq '...'` (OData string literal, '' for a quote) to (JSON path, value)."""
    if expression is None:
        raise GraphError.bad_request(_FILTER_REQUIRED)
    match = _FILTER_SYNTAX.match(expression)
    if match is None or match.group(1).lower() not in _FILTERS:
        raise GraphError.bad_request(
            f"The $filter expression '{expression}' is not supported. {_FILTER_REQUIRED}"
        )
    return _FILTERS[match.group(1).lower()], match.group(2).replace("''", "'")


def _owned(request: web.Request, tenant_id: str, user_id: str) -> dict[str, Any]:
    meeting_id = request.match_info["meeting_id"]
    meeting = state_of(request).store.get(KIND, tenant_id, user_id, meeting_id)
    if meeting is None:
        raise _meeting_not_found(meeting_id)
    return meeting


def _save(
    request: web.Request,
    tenant_id: str,
    user_id: str,
    meeting: dict[str, Any],
    *,
    natural_key: str | None,
) -> None:
    try:
        state_of(request).store.insert(
            KIND,
            tenant_id,
            user_id,
            meeting["id"],
            meeting,
            natural_key=natural_key,
            window=(meeting["startDateTime"], meeting["endDateTime"]),
        )
    except DuplicateResource as error:  # a random id collided: astronomically unlikely
        raise GraphError(409, "Conflict", str(error)) from error


def _respond(
    request: web.Request, user_id: str, meeting: dict[str, Any], status: int
) -> web.Response:
    context = odata_context(request, f"users('{user_id}')/onlineMeetings/$entity")
    opted = opted_in(request)
    shown = {"@odata.context": context, **answer(meeting, opted=opted)}
    return _applied(graph_json(shown, status=status), opted)


def _applied(response: web.Response, opted: bool) -> web.Response:
    if opted:
        response.headers["Preference-Applied"] = OPT_IN
    return response


def _meeting_not_found(meeting_id: str) -> GraphError:
    return GraphError.not_found(
        f"The online meeting '{meeting_id}' was not found for this user. It may have been "
        "deleted, or it belongs to another organizer."
    )
