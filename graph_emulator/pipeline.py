"""The one middleware that makes every answer Graph's, in the order Graph's layers act.

For a Graph call: read the body (so latency and faults act on a request the server has fully
received, as a slow or failing service does), global latency, a scripted fault that acts before
the work, authentication, the target user's gates (directory, mailbox, licence, access policy),
the mailbox's concurrency slot, the handler, then a fault that acts after the work. Errors
become Graph's error body, every call gets request ids and is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid

from aiohttp import web
from aiohttp.typedefs import Handler

from graph_emulator.auth import caller_from_request, caller_of, remember_caller
from graph_emulator.errors import GraphError, code_for_status, default_message, error_body
from graph_emulator.faults import FaultRule
from graph_emulator.odata import format_graph_datetime
from graph_emulator.state import EmulatorState, state_of
from graph_emulator.user_gates import OUTLOOK, check_target
from graph_emulator.wire import graph_json

logger = logging.getLogger(__name__)

GRAPH_PREFIX = "/v1.0"


class _ConnectionReset(Exception):
    """A scripted fault asked to drop the connection; `status` is what the work produced."""

    def __init__(self, status: int | None) -> None:
        super().__init__("scripted connection reset")
        self.status = status


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
            response = await _graph_call(request, state, handler)
        else:
            response = await handler(request)
    except _ConnectionReset as reset:
        if request.transport is not None:
            request.transport.close()
        await _log(request, state, reset.status, request_id, connection_reset=True)
        return web.Response(status=reset.status or 500)  # never reaches the client
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
        await _log(request, state, response.status, request_id)
    return response


async def _graph_call(
    request: web.Request, state: EmulatorState, handler: Handler
) -> web.StreamResponse:
    """Admission, the user's gates and the mailbox slot, the handler, an after-work fault."""
    fault = await _admit(request, state)
    caller = caller_of(request)
    target = check_target(request, caller, state)
    limit = None
    if target is not None and target.family == OUTLOOK:
        limit = target.settings.mailbox_concurrency_limit
    user_id = target.user.id if target is not None else ""
    async with state.mailboxes.slot(caller.tenant_id, user_id, limit):
        response = await handler(request)
        if fault is not None and fault.after_work:
            await _apply(fault, response.status)
    return response


async def _admit(request: web.Request, state: EmulatorState) -> FaultRule | None:
    """The body, latency, a before-work fault if one matches, then authentication."""
    # Cached by aiohttp, so the handler reads the same bytes; a body that is too large fails
    # again in the handler, which then answers Graph's error.
    with contextlib.suppress(web.HTTPException):
        await request.read()
    if state.settings.latency_ms > 0:
        await asyncio.sleep(state.settings.latency_ms / 1000)
    fault = state.faults.take(request.method, request.path)
    if fault is not None and not fault.after_work:
        await _apply(fault, None)
    remember_caller(request, caller_from_request(request))
    return fault


async def _apply(fault: FaultRule, status: int | None) -> None:
    """Wait the fault's latency, then drop the connection or fail, if it says so."""
    if fault.latency_ms > 0:
        await asyncio.sleep(fault.latency_ms / 1000)
    if fault.reset:
        raise _ConnectionReset(status)
    if fault.status is not None:
        headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
        raise GraphError(
            fault.status,
            fault.code or code_for_status(fault.status),
            fault.message or default_message(fault.status),
            headers=headers,
        )


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


async def _log(
    request: web.Request,
    state: EmulatorState,
    status: int | None,
    request_id: str,
    *,
    connection_reset: bool = False,
) -> None:
    """Record the call; a logging failure must not turn an answer into a 500."""
    try:
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
            connection_reset=connection_reset,
        )
    except Exception:
        state.internal_errors += 1
        logger.exception("Graph emulator could not log %s %s", request.method, request.path)
