"""Replies sent directly (bot/transport/replies.py) against the same replies through
botframework's operations and msrest's pipeline, both on the pooled session, to a loopback
Bot Connector: the same request (method, URL, headers, body bytes), the same ResourceResponse,
the same exceptions for a refusal or a failed connection, and a POST never sent twice."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.core import MessageFactory
from botbuilder.schema import Activity, ConversationAccount
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import ClientRequestError
from msrest.serialization import Model

from bot.config import Settings
from bot.transport.app import close_adapter, create_adapter
from bot.transport.connector_http import new_session, pooled_pipeline
from bot.transport.replies import DirectConversations, direct_replies
from bot.transport.wire_json import passthrough_json
from tests.support.activities import message
from tests.support.connector import ConnectorCapture
from tests.unit.transport.wire_corpus import replies

PATHS = ("msrest", "direct")
REPLY_TO = "1:incoming"
GONE = "gone-conversation"
Raw = list[tuple[str, str, bytes]]
Operation = Callable[[Any, Any], Awaitable[Any]]


class Credentials(MicrosoftAppCredentials):  # type: ignore[misc]
    """An app id and a token, as MsalConnectorCredentials hands them out."""

    async def fresh_access_token(self) -> str:
        return "token-1"


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def connector_client(path: str, url: str, session: aiohttp.ClientSession, sleeps: Sleeps) -> Any:
    """A kept client as PooledConnectors makes it: with the direct operations, or without."""
    made = ConnectorClient(Credentials("app-id", "secret"), base_url=url)
    made.config.pipeline = pooled_pipeline(made.config, lambda: session, sleeps)
    passthrough_json(made)
    if path == "direct":
        direct_replies(made)
    return made


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    made = new_session()
    yield made
    await made.close()


async def serve(app: web.Application) -> tuple[TestServer, str]:
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server, str(server.make_url("")).rstrip("/")


Capture = tuple[ConnectorCapture, Raw, str]


@pytest.fixture
async def captures() -> AsyncIterator[Callable[[], Awaitable[Capture]]]:
    """New connector stand-ins: tests/support's capture, also keeping each body as bytes."""
    servers: list[TestServer] = []

    async def start() -> Capture:
        recorded, raw = ConnectorCapture(), []
        recorded.gone.add(GONE)

        @web.middleware
        async def keep_bytes(request: web.Request, handler: Any) -> web.StreamResponse:
            raw.append((request.method, request.path_qs, await request.read()))
            response: web.StreamResponse = await handler(request)
            return response

        app = recorded.app()
        app.middlewares.append(keep_bytes)
        server, url = await serve(app)
        servers.append(server)
        return recorded, raw, url

    yield start
    for server in servers:
        await server.close()


def operations() -> dict[str, Operation]:
    """Each direct operation, called as botbuilder's CloudAdapterBase calls it."""
    return {
        "reply": lambda ops, a: ops.reply_to_activity(a.conversation.id, REPLY_TO, a),
        "send": lambda ops, a: ops.send_to_conversation(a.conversation.id, a),
        "update": lambda ops, a: ops.update_activity(a.conversation.id, "1:activity", a),
        "delete": lambda ops, a: ops.delete_activity(a.conversation.id, "1:activity"),
    }


def described(value: Any) -> Any:
    """What a caller can read of a result or of an exception's `error`."""
    if isinstance(value, Model):
        return type(value), value.as_dict(), value.additional_properties  # type: ignore[no-untyped-call]
    if isinstance(value, Exception):
        return type(value), str(value)
    return type(value), getattr(value, "status_code", value)


async def outcome(call: Awaitable[Any]) -> tuple[str, Any]:
    """("made", the result) or ("raised", the exception, its message, status and error)."""
    try:
        made = await call
    except Exception as exc:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        return "raised", (type(exc), str(exc), status, described(getattr(exc, "error", None)))
    return "made", described(made)


SAMPLE = dict(replies())
CASES = ["meeting-event-reply", "help-to-invoke", "list-long-proactive", "everything", "text"]


@pytest.mark.parametrize("operation", sorted(operations()))
@pytest.mark.parametrize("name", CASES)
async def test_a_reply_goes_out_and_comes_back_as_it_did_through_msrest(
    captures: Callable[[], Awaitable[Capture]],
    session: aiohttp.ClientSession,
    operation: str,
    name: str,
) -> None:
    """Each path to a connector of its own, so that each gets the first reply id."""
    seen, results = [], []
    for path in PATHS:
        recorded, raw, url = await captures()
        client = connector_client(path, url, session, Sleeps())
        results.append(await outcome(operations()[operation](client.conversations, SAMPLE[name])))
        requests = recorded.calls + recorded.unexpected  # DELETE: the capture's catch-all (404)
        assert len(requests) == len(raw) == 1
        headers = {k: v for k, v in requests[0].headers.items() if k != "Host"}
        seen.append((requests[0].method, requests[0].path, headers, raw[0]))

    assert results[0] == results[1]
    assert seen[0] == seen[1]
    assert seen[0][2]["Authorization"] == "Bearer token-1"
    assert "botframework-connector/" in seen[0][2]["User-Agent"]


@pytest.mark.parametrize("operation", sorted(operations()))
async def test_a_refusal_raises_what_msrest_raised(
    captures: Callable[[], Awaitable[Capture]], session: aiohttp.ClientSession, operation: str
) -> None:
    """403 with the connector's error body (the bot was removed from the conversation)."""
    _, _, url = await captures()
    activity = MessageFactory.text("hi")
    activity.conversation = ConversationAccount(id=GONE)
    call = operations()[operation]
    results = [
        await outcome(call(connector_client(path, url, session, Sleeps()).conversations, activity))
        for path in PATHS
    ]

    assert results[0] == results[1]
    assert results[0][0] == "raised"


Answer = tuple[int, bytes, str, bool]  # status, body, content type, drop the connection


def scripted(answers: list[Answer], calls: list[str]) -> web.Application:
    async def answer(request: web.Request) -> web.StreamResponse:
        await request.read()
        calls.append(request.method)
        status, body, kind, drop = (
            answers.pop(0) if answers else (200, b'{"id":"1"}', "json", False)
        )
        if drop and request.transport is not None:
            request.transport.abort()  # the request arrived; its answer never does
        return web.Response(status=status, body=body, content_type=f"application/{kind}")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    return app


@pytest.mark.parametrize(
    "answers",
    [
        [(500, b'{"error": {"code": "ServiceError", "message": "down"}}', "json", False)],
        [(502, b"<html>Bad gateway</html>", "html", False)],
        [(429, b"", "json", False)],
        [(400, b'{"error": "not an object"}', "json", False)],
        [(200, b"", "json", False)],
        [(201, b'{"id": "1:x", "extra": true}', "json", False)],
        [(200, b"", "json", True)] * 4,
    ],
    ids=["500", "502-html", "429-empty", "400-odd-error", "200-empty", "201-extra", "dropped"],
)
@pytest.mark.parametrize("operation", sorted(operations()))
async def test_failures_and_odd_answers_end_as_they_did_through_msrest(
    session: aiohttp.ClientSession, operation: str, answers: list[Answer]
) -> None:
    results: list[tuple[str, Any]] = []
    calls: list[list[str]] = []
    sleeps: list[Sleeps] = []
    for path in PATHS:
        seen: list[str] = []
        server, url = await serve(scripted(list(answers), seen))
        waited = Sleeps()
        client = connector_client(path, url, session, waited)
        try:
            results.append(
                await outcome(operations()[operation](client.conversations, SAMPLE["text"]))
            )
        finally:
            await server.close()
        calls.append(seen)
        sleeps.append(waited)

    assert results[0] == results[1]
    assert calls[0] == calls[1]
    assert sleeps[0] == sleeps[1]


async def test_a_post_whose_answer_never_came_is_not_sent_again(
    session: aiohttp.ClientSession,
) -> None:
    """The connector read the reply, then the connection broke: it may have been posted."""
    calls: list[str] = []
    server, url = await serve(scripted([(200, b"", "json", True)] * 20, calls))
    sleeps = Sleeps()
    client = connector_client("direct", url, session, sleeps)
    try:
        reply = await outcome(
            client.conversations.reply_to_activity("c1", REPLY_TO, SAMPLE["text"])
        )
        posted, waited = list(calls), list(sleeps)
        await outcome(client.conversations.update_activity("c1", "a1", SAMPLE["text"]))
    finally:
        await server.close()

    assert reply[0] == "raised"
    assert reply[1][:2] == (
        ClientRequestError,
        "Error occurred in request: ServerDisconnectedError('Server disconnected')",
    )
    assert (posted, waited) == (["POST"], [])
    assert calls.count("PUT") > 1  # a PUT may be sent again
    assert sleeps[:2] == [0.0, 1.6]


async def test_what_the_direct_path_does_not_take_goes_through_botframework(
    captures: Callable[[], Awaitable[Capture]], session: aiohttp.ClientSession
) -> None:
    recorded, _, url = await captures()
    client = connector_client("direct", url, session, Sleeps())
    activity = SAMPLE["text"]

    await client.conversations.reply_to_activity(
        "c1", REPLY_TO, activity, custom_headers={"X-Extra": "1"}
    )
    raw = await client.conversations.send_to_conversation("c1", activity, raw=True)

    assert recorded.calls[0].headers["X-Extra"] == "1"
    assert raw.output.id == "reply-2"
    assert raw.response.status_code == 200


async def test_kept_clients_reply_directly(
    settings: Settings, captures: Callable[[], Awaitable[Capture]]
) -> None:
    recorded, _, url = await captures()
    adapter = create_adapter(settings)
    kept: list[Any] = []

    async def logic(context: Any) -> None:
        kept.append(context.turn_state[adapter.BOT_CONNECTOR_CLIENT_KEY])
        await context.send_activity("hi")

    try:
        incoming = message("meet now", url, activity_id="a1")
        await adapter.process_activity("", Activity().deserialize(incoming), logic)
    finally:
        await close_adapter(adapter)

    assert isinstance(kept[0].conversations, DirectConversations)
    assert recorded.calls[0].path == "/v3/conversations/personal-conv-1/activities/a1"
    assert recorded.calls[0].body["text"] == "hi"
