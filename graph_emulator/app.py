"""The emulator's aiohttp application: routes plus one middleware that makes every answer Graph's.

The middleware is the single place where requests get ids, latency and scripted faults are
applied, the caller is authenticated, errors become Graph's error body, and calls are logged.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from aiohttp import web
from aiohttp.typedefs import Handler

from graph_emulator.auth import caller_from_request, remember_caller
from graph_emulator.calendar_control import add_calendar_control_routes
from graph_emulator.calendar_view import add_calendar_view_routes
from graph_emulator.calendars import add_calendar_routes
from graph_emulator.config import EmulatorSettings
from graph_emulator.control import add_control_routes
from graph_emulator.errors import GraphError, code_for_status, default_message, error_body
from graph_emulator.events import add_event_routes
from graph_emulator.faults import FaultInjector
from graph_emulator.meetings import add_meeting_routes
from graph_emulator.odata import format_graph_datetime
from graph_emulator.state import STATE, EmulatorState, state_of
from graph_emulator.store import Store
from graph_emulator.wire import graph_json

logger = logging.getLogger(__name__)

GRAPH_PREFIX = "/v1.0"


def create_emulator_app(settings: EmulatorSettings | None = None) -> web.Application:
    """A ready-to-serve emulator; its SQLite store opens now and closes on app cleanup."""
    settings = settings or EmulatorSettings()
    app = web.Application(middlewares=[graph_pipeline])
    app[STATE] = EmulatorState(
        settings=settings, store=Store(settings.db_path), faults=FaultInjector(settings.faults)
    )
    add_meeting_routes(app)
    add_calendar_routes(app)
    add_event_routes(app)
    add_calendar_view_routes(app)
    add_control_routes(app)
    add_calendar_control_routes(app)
    app.on_cleanup.append(_close_store)
    return app


async def _close_store(app: web.Application) -> None:
    app[STATE].store.close()


def is_graph_path(path: str) -> bool:
    return path == GRAPH_PREFIX or path.startswith(GRAPH_PREFIX + "/")


@web.middleware
async def graph_pipeline(request: web.Request, handler: Handler) -> web.StreamResponse:
    state = state_of(request)
    request_id = str(uuid.uuid4())
    client_request_id = request.headers.get("client-request-id") or request_id
    graph_call = is_graph_path(request.path)
    try:
        if graph_call:
            await _admit(request, state)
        response = await handler(request)
    except GraphError as error:
        response = _error_response(state, error, request_id, client_request_id)
    except web.HTTPException as error:
        response = _error_response(state, _from_http(request, error), request_id, client_request_id)
    except Exception:
        # Last resort only: tests assert this never runs for bad input (internalErrors == 0).
        state.internal_errors += 1
        logger.exception("Graph emulator failed on %s %s", request.method, request.path)
        failure = GraphError(500, "InternalServerError", "The Graph emulator failed unexpectedly.")
        response = _error_response(state, failure, request_id, client_request_id)
    response.headers["request-id"] = request_id
    response.headers["client-request-id"] = client_request_id
    if graph_call:
        try:
            await _record(request, state, response.status, request_id)
        except Exception:  # a logging failure must not turn an answer into a 500
            state.internal_errors += 1
            logger.exception("Graph emulator could not log %s %s", request.method, request.path)
    return response


async def _admit(request: web.Request, state: EmulatorState) -> None:
    """Latency, then a scripted fault if one matches, then authentication."""
    if state.settings.latency_ms > 0:
        await asyncio.sleep(state.settings.latency_ms / 1000)
    fault = state.faults.take(request.method, request.path)
    if fault is not None:
        if fault.latency_ms > 0:
            await asyncio.sleep(fault.latency_ms / 1000)
        if fault.status is not None:
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            raise GraphError(
                fault.status,
                fault.code or code_for_status(fault.status),
                fault.message or default_message(fault.status),
                headers=headers,
            )
    remember_caller(request, caller_from_request(request))


def _from_http(request: web.Request, error: web.HTTPException) -> GraphError:
    """aiohttp's own 404/405/413 as Graph would word them (never an HTML page)."""
    if error.status == 404:
        segment = request.path.rstrip("/").rsplit("/", 1)[-1] or "/"
        return GraphError.not_found(f"Resource not found for the segment '{segment}'.")
    if error.status == 405:
        allowed = error.headers.get("Allow", "")
        return GraphError(
            405,
            code_for_status(405),
            f"The HTTP method '{request.method}' is not supported on this resource.",
            headers={"Allow": allowed} if allowed else None,
        )
    return GraphError(error.status, code_for_status(error.status), error.reason)


def _error_response(
    state: EmulatorState, error: GraphError, request_id: str, client_request_id: str
) -> web.Response:
    body = error_body(
        error.code,
        error.message,
        request_id=request_id,
        client_request_id=client_request_id,
        now=state.now(),
    )
    response = graph_json(body, status=error.status)
    response.headers.update(error.headers)
    return response


async def _record(request: web.Request, state: EmulatorState, status: int, request_id: str) -> None:
    try:
        body_text = (await request.read()).decode("utf-8", errors="replace")
    except web.HTTPException:  # e.g. a body over the size limit: log the call without it
        body_text = None
    state.log.record(
        method=request.method,
        path=request.path,
        query=request.query,
        headers=request.headers,
        body_text=body_text,
        status=status,
        request_id=request_id,
        time=format_graph_datetime(state.now()),
    )
