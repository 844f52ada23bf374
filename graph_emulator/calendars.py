"""GET .../calendar: the user's default calendar, with the online-meeting providers it allows."""

from __future__ import annotations

from aiohttp import web

from graph_emulator.auth import target_user
from graph_emulator.calendar_docs import user_calendar
from graph_emulator.query import context_segment, project, selected
from graph_emulator.state import state_of
from graph_emulator.wire import graph_json, odata_context

TYPE = "microsoft.graph.calendar"


def add_calendar_routes(app: web.Application) -> None:
    for prefix in ("/v1.0/me", "/v1.0/users/{user_id}"):
        app.router.add_get(f"{prefix}/calendar", get_calendar)


async def get_calendar(request: web.Request) -> web.Response:
    tenant_id, user_id = target_user(request)
    names = selected(request, TYPE)
    calendar = project(user_calendar(state_of(request).store, tenant_id, user_id), names)
    segment = context_segment("calendar", names)
    context = odata_context(request, f"users('{user_id}')/{segment}/$entity")
    return graph_json({"@odata.context": context, **calendar})
