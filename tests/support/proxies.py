"""A forward HTTP proxy on loopback, as the outbound clients meet one behind a company firewall:
it takes `METHOD http://host/path`, sends it on and answers with the answer, and records each
request with the Proxy-Authorization it carried."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

#: What `http://ann:pw@proxy` sends as Proxy-Authorization.
CREDENTIALS = "Basic YW5uOnB3"


def with_credentials(proxy_url: str) -> str:
    """The proxy's URL with the user `ann` and password `pw` written in it."""
    return proxy_url.replace("http://", "http://ann:pw@")


@contextlib.asynccontextmanager
async def forward_proxy() -> AsyncIterator[tuple[list[str], str]]:
    """(what it was asked: "METHOD URL Proxy-Authorization", its URL)."""
    asked: list[str] = []

    async def forward(request: web.Request) -> web.Response:
        asked.append(f"{request.method} {request.url} {request.headers.get('Proxy-Authorization')}")
        body = await request.read()
        async with (
            aiohttp.ClientSession() as session,
            session.request(request.method, request.url, data=body or None) as answer,
        ):
            return web.Response(body=await answer.read(), status=answer.status)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield asked, str(server.make_url("")).rstrip("/")
    finally:
        await server.close()
