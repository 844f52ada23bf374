"""Replies to the Bot Connector go through HTTP_PROXY as `requests` sent them: with the
credentials written in the proxy's URL, and not for a host NO_PROXY names. A real forward
proxy and a real connector stand-in on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.transport.connector_http import SessionSender
from tests.support import proxies
from tests.support.proxies import CREDENTIALS, with_credentials


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test says which of these it sets."""
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text("")
    monkeypatch.setenv("NETRC", str(netrc))  # not this machine's user's ~/.netrc


@pytest.fixture
async def connector() -> AsyncIterator[tuple[list[str], str]]:
    """A Bot Connector stand-in: records what reached it, answers 201."""
    arrived: list[str] = []

    async def activities(request: web.Request) -> web.Response:
        arrived.append(await request.text())
        return web.json_response({"id": "reply-1"}, status=201)

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", activities)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield arrived, str(server.make_url("/v3/conversations/c1/activities"))
    await server.close()


@pytest.fixture
async def forward_proxy() -> AsyncIterator[tuple[list[str], str]]:
    async with proxies.forward_proxy() as proxy:
        yield proxy


async def _reply(url: str) -> int:
    async with aiohttp.ClientSession() as session:
        sender = SessionSender(lambda: session, timeout=5.0)
        headers = {"Content-Type": "application/json"}
        answer = await sender.exchange("POST", url, headers, b'{"type":"message"}')
        return answer.status_code


async def test_a_reply_goes_through_the_proxy_with_its_credentials(
    connector: tuple[list[str], str],
    forward_proxy: tuple[list[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arrived, url = connector
    asked, proxy = forward_proxy
    monkeypatch.setenv("HTTP_PROXY", with_credentials(proxy))
    assert await _reply(url) == 201
    assert asked == [f"POST {url} {CREDENTIALS}"]
    assert arrived == ['{"type":"message"}']


async def test_a_host_no_proxy_names_is_reached_directly(
    connector: tuple[list[str], str],
    forward_proxy: tuple[list[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arrived, url = connector
    asked, proxy = forward_proxy
    monkeypatch.setenv("HTTP_PROXY", proxy)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert await _reply(url) == 201
    assert asked == []
    assert arrived == ['{"type":"message"}']
