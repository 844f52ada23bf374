"""The emulator's own API, outside /v1.0: scripted faults, the request log, reset, health."""

from __future__ import annotations

import json

from aiohttp import web

from graph_emulator.errors import GraphError
from graph_emulator.faults import FaultRule, FaultSpecError
from graph_emulator.state import state_of

CONTROL_PREFIX = "/_emulator"


def add_control_routes(app: web.Application) -> None:
    app.router.add_get(f"{CONTROL_PREFIX}/health", health)
    app.router.add_get(f"{CONTROL_PREFIX}/faults", list_faults)
    app.router.add_post(f"{CONTROL_PREFIX}/faults", add_faults)
    app.router.add_delete(f"{CONTROL_PREFIX}/faults", clear_faults)
    app.router.add_get(f"{CONTROL_PREFIX}/requests", list_requests)
    app.router.add_delete(f"{CONTROL_PREFIX}/requests", clear_requests)
    app.router.add_post(f"{CONTROL_PREFIX}/reset", reset)


async def health(request: web.Request) -> web.Response:
    """Liveness, plus the count of unexpected exceptions (tests assert it stays 0)."""
    state = state_of(request)
    return web.json_response(
        {
            "status": "ok",
            "internalErrors": state.internal_errors,
            "pendingFaults": len(state.faults.pending()),
        }
    )


async def list_faults(request: web.Request) -> web.Response:
    return web.json_response({"faults": [f.to_json() for f in state_of(request).faults.pending()]})


async def add_faults(request: web.Request) -> web.Response:
    """Body: one fault object, or a list of them, e.g. `{"status": 429, "count": 2}`."""
    try:
        data = json.loads(await request.text())
    except ValueError:
        raise GraphError.bad_request('The fault must be JSON, e.g. {"status": 429}.') from None
    try:
        rules = [FaultRule.from_json(item) for item in (data if isinstance(data, list) else [data])]
    except FaultSpecError as error:
        raise GraphError.bad_request(str(error)) from None
    faults = state_of(request).faults
    for rule in rules:
        faults.add(rule)
    return web.json_response({"faults": [f.to_json() for f in faults.pending()]}, status=201)


async def clear_faults(request: web.Request) -> web.Response:
    state_of(request).faults.clear()
    return web.Response(status=204)


async def list_requests(request: web.Request) -> web.Response:
    """The Graph calls answered so far, oldest first, Authorization redacted."""
    return web.json_response(state_of(request).log.entries())


async def clear_requests(request: web.Request) -> web.Response:
    state_of(request).log.clear()
    return web.Response(status=204)


async def reset(request: web.Request) -> web.Response:
    """Forget every resource, pending fault and logged request."""
    state_of(request).reset()
    return web.Response(status=204)
