"""GET .../calendarView: the events overlapping a time window, soonest first, paged.

Both `startDateTime` and `endDateTime` are required; they are read with their own offsets (or
as UTC) whatever `Prefer: outlook.timezone` says, which only shapes the answer. Cancelled
events have left the calendar and are not in the view. The view holds "the occurrences,
exceptions, and single instances of events" ("List calendarView", v1.0): events the user only
attends are in it like their own, and a recurring series shows as its occurrences and
exceptions (graph_emulator/series_store.py), never as its series master; a series placed
through POST /_emulator/users/{id}/events shows only the occurrences the test placed.
"""

from __future__ import annotations

from datetime import datetime

from aiohttp import web

from graph_emulator.auth import target_user
from graph_emulator.errors import GraphError
from graph_emulator.events import TYPE, collection_response
from graph_emulator.odata import parse_graph_datetime
from graph_emulator.query import ordered, reject_unsupported_options, selected
from graph_emulator.series_store import calendar_items
from graph_emulator.state import state_of

_PREFIXES = (
    "/v1.0/me",
    "/v1.0/users/{user_id}",
    "/v1.0/me/calendar",
    "/v1.0/users/{user_id}/calendar",
)
_PARAMETERS = ("startDateTime", "endDateTime")
_WINDOW_REQUIRED = (
    "This request requires a time window specified by the query string parameters "
    "StartDateTime and EndDateTime."
)


def add_calendar_view_routes(app: web.Application) -> None:
    for prefix in _PREFIXES:
        app.router.add_get(f"{prefix}/calendarView", calendar_view)


async def calendar_view(request: web.Request) -> web.Response:
    tenant_id, user_id = target_user(request)
    start, end = _window(request)
    reject_unsupported_options(request)
    names = selected(request, TYPE)
    found = calendar_items(state_of(request).store, tenant_id, user_id, start, end)
    return collection_response(
        request, user_id, "calendarView", ordered(request, found, TYPE), names
    )


def _window(request: web.Request) -> tuple[datetime, datetime]:
    """The window's instants; parameter names are matched case-insensitively."""
    given = {name.lower(): value for name, value in request.query.items()}
    bounds: list[datetime] = []
    for name in _PARAMETERS:
        value = given.get(name.lower(), "").strip()
        if not value:
            raise GraphError(400, "ErrorInvalidParameter", _WINDOW_REQUIRED)
        try:
            bounds.append(parse_graph_datetime(value))
        except (ValueError, OverflowError):
            raise GraphError(
                400,
                "ErrorInvalidParameter",
                f"The value '{value}' of parameter '{name[0].upper()}{name[1:]}' is invalid: "
                "expected an ISO 8601 date and time such as 2026-11-01T00:00:00-05:00.",
            ) from None
    return bounds[0], bounds[1]
