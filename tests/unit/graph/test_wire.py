"""GraphClient's requests built without httpx's `build_request`: byte for byte what httpx would
have sent on the same client (URL, headers in order, body), sent to the client's transport,
with httpx's cookie jar and its refusal once closed; an outside client is used as it is."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.graph.aiohttp_transport import AiohttpTransport
from bot.graph.wire import Wire

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
BASE = "https://graph.microsoft.com/v1.0"
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", f"{BASE}/users/u-1/calendar", {"params": {"$select": "owner,allowed"}}),
    ("GET", f"{BASE}/me", {}),
    (
        "GET",
        f"{BASE}/users/u-1/onlineMeetings",
        {"params": {"$filter": "JoinWebUrl eq 'https://teams/l?a=1&b=''x'' ü'"}},
    ),
    ("POST", f"{BASE}/users/u-1/events", {"json": {"subject": "Müller €", "n": [1, 2.5, None]}}),
    ("POST", f"{BASE}/users/u-1/events/e%2F1/cancel", {}),
    ("PATCH", f"{BASE}/users/u-1/onlineMeetings/m", {"json": {}, "headers": {"Prefer": "x=1"}}),
    ("DELETE", f"{BASE}/users/u-1/onlineMeetings/m", {}),
    ("GET", "http://127.0.0.1:3979/v1.0/users?$top=2", {"headers": {"accept": "text/plain"}}),
    ("PUT", f"{BASE}/x", {"headers": {"Content-Length": "0", "Host": "elsewhere"}}),
]


def client(**options: Any) -> httpx.AsyncClient:
    """GraphClient's own client: its headers and timeout, on the aiohttp transport."""
    headers = {"Accept": "application/json", "User-Agent": "teams-meeting-bot/0.1"}
    return httpx.AsyncClient(timeout=TIMEOUT, headers=headers, **options)


@pytest.mark.parametrize(("method", "url", "call"), CASES)
async def test_a_request_is_what_httpx_builds_of_the_same_call(
    method: str, url: str, call: dict[str, Any]
) -> None:
    transport = AiohttpTransport()
    async with client(transport=transport) as http:
        headers = {"Authorization": "Bearer t", **call.get("headers", {})}
        params, json = call.get("params"), call.get("json")
        expected = http.build_request(
            method, url, json=json, params=params, headers=headers, timeout=TIMEOUT
        )

        built = Wire(http, transport).build(method, url, json, params, headers, TIMEOUT)

    assert (built.method, str(built.url)) == (expected.method, str(expected.url))
    assert built.headers.raw == expected.headers.raw
    assert built.content == expected.content
    assert built.extensions == expected.extensions


async def get(wire: Wire, url: str) -> httpx.Response:
    return await wire.send("GET", url, json=None, params=None, headers={}, timeouts=TIMEOUT)


@pytest.fixture
async def server() -> AsyncIterator[tuple[list[dict[str, str]], str]]:
    """Answers with the request's cookies and headers; /login sets a cookie."""
    seen: list[dict[str, str]] = []

    async def answer(request: web.Request) -> web.Response:
        seen.append(dict(request.headers))
        response = web.json_response({"path": request.path})
        if request.path == "/login":
            response.set_cookie("session", "s-1")
        return response

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    test_server = TestServer(app, host="127.0.0.1")
    await test_server.start_server()
    yield seen, str(test_server.make_url("")).rstrip("/")
    await test_server.close()


async def test_the_answer_comes_back_read_and_a_cookie_set_is_sent_again(
    server: tuple[list[dict[str, str]], str],
) -> None:
    seen, url = server
    transport = AiohttpTransport()
    async with client(transport=transport) as http:
        first = await get(Wire(http, transport), f"{url}/login")
        second = await get(Wire(http, transport), f"{url}/next")

    assert (first.status_code, first.json()) == (200, {"path": "/login"})
    assert first.request.url == f"{url}/login"
    assert second.json() == {"path": "/next"}
    assert "Cookie" not in seen[0]
    assert seen[1]["Cookie"] == "session=s-1"
    assert http.cookies["session"] == "s-1"


async def test_a_closed_client_refuses_as_httpx_does(
    server: tuple[list[dict[str, str]], str],
) -> None:
    _, url = server
    transport = AiohttpTransport()
    http = client(transport=transport)
    await http.aclose()

    with pytest.raises(RuntimeError, match="client has been closed"):
        await get(Wire(http, transport), f"{url}/x")


async def test_an_outside_client_sends_through_its_own_request(
    server: tuple[list[dict[str, str]], str],
) -> None:
    """Its transport, mounts and hooks are its own: httpx's default transport here."""
    seen, url = server
    async with httpx.AsyncClient(headers={"X-Outside": "yes"}) as http:
        response = await Wire(http, None).send(
            "POST", f"{url}/me/events", json={"a": 1}, params=None, headers={}, timeouts=TIMEOUT
        )

    assert response.json() == {"path": "/me/events"}
    assert seen[0]["X-Outside"] == "yes"


async def test_httpx_logs_its_line_per_request_as_it_does_itself(
    server: tuple[list[dict[str, str]], str], caplog: pytest.LogCaptureFixture
) -> None:
    """`LOG_LEVEL=DEBUG` shows each Graph request (tests/unit/dev/test_turn_log.py)."""
    _, url = server
    transport = AiohttpTransport()
    caplog.set_level(logging.INFO, logger="httpx")
    async with client(transport=transport) as http:
        await get(Wire(http, transport), f"{url}/ours")
        await http.get(f"{url}/httpx")

    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert lines == [
        f'HTTP Request: GET {url}/{path} "HTTP/1.1 200 OK"' for path in ("ours", "httpx")
    ]
