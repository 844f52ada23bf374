"""Request bodies in, JSON documents out, with Graph's content type and OData context URLs."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from graph_emulator.errors import GraphError

#: What graph.microsoft.com sends for JSON payloads.
GRAPH_CONTENT_TYPE = (
    "application/json;odata.metadata=minimal;odata.streaming=true;"
    "IEEE754Compatible=false;charset=utf-8"
)
_UNREADABLE = (
    "Unable to read JSON request payload. Please ensure Content-Type header is set "
    "and payload is of valid JSON format."
)


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not JSON")


async def read_json_object(request: web.Request) -> dict[str, Any]:
    """The body as a JSON object; Graph's 400 for empty, malformed or non-object payloads."""
    raw = await request.read()
    if not raw.strip():
        raise GraphError.bad_request("Empty Payload. JSON content expected.")
    try:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
        body = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise GraphError.bad_request(_UNREADABLE) from None
    if not isinstance(body, dict):
        raise GraphError.bad_request(_UNREADABLE)
    return body


def graph_json(document: Any, status: int = 200) -> web.Response:
    return web.Response(
        status=status,
        body=json.dumps(document, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": GRAPH_CONTENT_TYPE},
    )


def odata_context(request: web.Request, fragment: str) -> str:
    """`{service root}/$metadata#{fragment}`; the service root is this emulator's /v1.0."""
    return f"{request.scheme}://{request.host}/v1.0/$metadata#{fragment}"
