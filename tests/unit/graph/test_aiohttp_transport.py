"""Graph's httpx client over aiohttp: the request httpx built goes out unchanged, the answer
comes back as httpx would have read it (gzip included), and each failure is the httpx
exception httpcore raises for it — a connection never made, or one broken after sending."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.graph.aiohttp_transport import AiohttpTransport


@pytest.fixture
async def server() -> AsyncIterator[tuple[list[dict[str, Any]], str]]:
    seen: list[dict[str, Any]] = []

    async def echo(request: web.Request) -> web.StreamResponse:
        body = await request.read()
        seen.append(
            {
                "method": request.method,
                "path": request.path,
                "query": dict(request.query),
                "headers": dict(request.headers),
                "body": json.loads(body) if body else None,
            }
        )
        if request.path == "/gzip":
            packed = gzip.compress(json.dumps({"zipped": True}).encode())
            return web.Response(
                body=packed,
                headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
            )
        if request.path == "/slow":
            await asyncio.sleep(1)
        if request.path == "/hang-up":
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        return web.json_response({"ok": True}, status=201, headers={"Request-Id": "r-1"})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", echo)
    test_server = TestServer(app, host="127.0.0.1")
    await test_server.start_server()
    yield seen, str(test_server.make_url("")).rstrip("/")
    await test_server.close()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    made = httpx.AsyncClient(
        headers={"Accept": "application/json", "User-Agent": "teams-meeting-bot/0.1"},
        transport=AiohttpTransport(),
        timeout=httpx.Timeout(5.0),
    )
    yield made
    await made.aclose()


async def test_the_request_goes_out_as_httpx_built_it_and_the_answer_comes_back(
    server: tuple[list[dict[str, Any]], str], client: httpx.AsyncClient
) -> None:
    seen, url = server

    response = await client.post(
        f"{url}/v1.0/users/u/events",
        json={"subject": "Müller"},
        params={"$select": "id"},
        headers={"Authorization": "Bearer t", "Prefer": 'outlook.timezone="UTC"'},
    )

    assert (response.status_code, response.json()) == (201, {"ok": True})
    assert response.headers["request-id"] == "r-1"
    [sent] = seen
    assert (sent["method"], sent["path"], sent["query"]) == (
        "POST",
        "/v1.0/users/u/events",
        {"$select": "id"},
    )
    assert sent["body"] == {"subject": "Müller"}
    headers = {k.lower(): v for k, v in sent["headers"].items()}
    assert headers["authorization"] == "Bearer t"
    assert headers["prefer"] == 'outlook.timezone="UTC"'
    assert headers["user-agent"] == "teams-meeting-bot/0.1"
    assert headers["content-type"] == "application/json"


async def test_a_compressed_answer_is_decoded_once(
    server: tuple[list[dict[str, Any]], str], client: httpx.AsyncClient
) -> None:
    _, url = server

    response = await client.get(f"{url}/gzip")

    assert response.json() == {"zipped": True}


async def test_a_connection_never_made_is_a_connect_error(
    client: httpx.AsyncClient, unused_tcp_port: int
) -> None:
    with pytest.raises(httpx.ConnectError):
        await client.get(f"http://127.0.0.1:{unused_tcp_port}/v1.0/me")


async def test_an_answer_slower_than_the_read_timeout_is_a_read_timeout(
    server: tuple[list[dict[str, Any]], str], client: httpx.AsyncClient
) -> None:
    _, url = server

    with pytest.raises(httpx.ReadTimeout):
        await client.get(f"{url}/slow", timeout=httpx.Timeout(5.0, read=0.1))


async def test_a_connection_closed_after_sending_is_a_protocol_error(
    server: tuple[list[dict[str, Any]], str], client: httpx.AsyncClient
) -> None:
    _, url = server

    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        await client.post(f"{url}/hang-up", json={})
