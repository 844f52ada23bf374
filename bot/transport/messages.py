"""POST /api/messages: authenticate, check the body, run the turn, answer — never a 5xx.

The order is the point: with an app id configured a request without a bearer token is a 401
before its body is read, and one with a token is authenticated before the activity is
interpreted; a body that is not an activity is a 400 with a short reason; only then does
botbuilder see it. Each rejected request is one log line, without a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web
from botbuilder.core import Bot, CloudAdapterBase, serializer_helper
from botbuilder.core.bot_framework_adapter import InvokeResponse
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult

from bot.transport.checks import BadActivity, activity_problem, parse_body
from bot.transport.handler import arrived_as, botbuilder_activity

log = logging.getLogger(__name__)

JSON = "application/json"


def _rejected(status: int, reason: str, request: web.Request) -> web.Response:
    log.info("rejected %s %s: %d %s", request.method, request.path, status, reason)
    return web.json_response({"error": reason}, status=status)


async def handle_messages(
    request: web.Request, adapter: CloudAdapterBase, bot: Bot, *, auth_required: bool
) -> web.StreamResponse:
    header = request.headers.get("Authorization", "")
    if auth_required and not header.startswith("Bearer "):
        return _rejected(401, "a Bot Framework bearer token is required", request)
    if JSON not in request.headers.get("Content-Type", ""):
        return _rejected(415, "Content-Type must be application/json", request)
    try:
        doc = parse_body(await request.read())
    except BadActivity as exc:
        return _rejected(400, str(exc), request)
    try:
        auth = await _authenticate(adapter, doc, header)
    except PermissionError:
        return _rejected(401, "the request is not authorized", request)
    problem = activity_problem(doc)
    if problem:
        return _rejected(400, problem, request)
    try:
        activity = botbuilder_activity(doc)
    except Exception as exc:  # botbuilder's own deserialiser: still the sender's input
        return _rejected(400, f"the activity could not be read ({type(exc).__name__})", request)
    with arrived_as(activity, doc):  # the turn reads `doc` instead of re-serialising
        response = await adapter.process_activity(auth, activity, bot.on_turn)
    return _answer(response)


async def _authenticate(
    adapter: CloudAdapterBase, doc: dict[str, Any], header: str
) -> AuthenticateRequestResult:
    """The caller's token, checked against the only fields it covers (channel, serviceUrl)."""
    channel, url = doc.get("channelId"), doc.get("serviceUrl")
    claims = Activity(
        channel_id=channel if isinstance(channel, str) else None,
        service_url=url if isinstance(url, str) else None,
    )
    try:
        return await adapter.bot_framework_authentication.authenticate_request(claims, header)
    except PermissionError:
        raise
    except Exception as exc:  # the validator choked on the token: still not authorized
        raise PermissionError(type(exc).__name__) from exc


def _answer(response: InvokeResponse | None) -> web.Response:
    """An invoke's response as JSON (serialised as botbuilder does it), else 201."""
    if response is None:
        return web.Response(status=201)
    return web.json_response(data=serializer_helper(response.body), status=response.status)
