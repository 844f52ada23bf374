"""What httpx's own transport took from the environment, Graph's aiohttp transport takes too:
HTTP_PROXY / HTTPS_PROXY (credentials included) and NO_PROXY, and the CAs SSL_CERT_FILE or
SSL_CERT_DIR name when `verify` is True. Real servers and proxies on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.graph.aiohttp_transport import AiohttpTransport
from graph_emulator.identity.tls import make_loopback_tls
from tests.support import proxies
from tests.support.proxies import CREDENTIALS, with_credentials


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test says which of these it sets."""
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


async def me(_: web.Request) -> web.Response:
    return web.json_response({"id": "me"})


@pytest.fixture
async def graph(tmp_path: Path) -> AsyncIterator[tuple[str, str, Path]]:
    """The same app over HTTP and over HTTPS (a throw-away CA vouches for the latter)."""
    tls = make_loopback_tls(tmp_path / "tls")
    app = web.Application()
    app.router.add_get("/v1.0/me", me)
    plain, secure = TestServer(app, host="127.0.0.1"), TestServer(app, host="127.0.0.1")
    await plain.start_server()
    await secure.start_server(ssl=tls.server_context())
    yield str(plain.make_url("/v1.0/me")), str(secure.make_url("/v1.0/me")), tls.ca_path
    await plain.close()
    await secure.close()


@pytest.fixture
async def forward_proxy() -> AsyncIterator[tuple[list[str], str]]:
    async with proxies.forward_proxy() as proxy:
        yield proxy


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


@pytest.fixture
async def tunnel() -> AsyncIterator[tuple[list[str], str]]:
    """An HTTPS proxy as they are: `CONNECT host:port`, then the bytes both ways."""
    asked: list[str] = []

    async def connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        auth = [line.split(":", 1)[1].strip() for line in head if line.startswith("Proxy-Auth")]
        asked.append(f"{head[0]} {auth[0] if auth else None}")
        host, port = head[0].split()[1].rsplit(":", 1)
        up_reader, up_writer = await asyncio.open_connection(host, int(port))
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    server = await asyncio.start_server(connect, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield asked, f"http://127.0.0.1:{port}"
    server.close()


async def test_http_proxy_carries_a_plain_request_with_its_credentials(
    graph: tuple[str, str, Path],
    forward_proxy: tuple[list[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (url, _, _), (asked, proxy_url) = graph, forward_proxy
    monkeypatch.setenv("HTTP_PROXY", with_credentials(proxy_url))

    async with httpx.AsyncClient(transport=AiohttpTransport()) as client:
        response = await client.get(url)

    assert response.json() == {"id": "me"}
    assert asked == [f"GET {url} {CREDENTIALS}"]


async def test_https_proxy_tunnels_to_graph_with_its_credentials(
    graph: tuple[str, str, Path], tunnel: tuple[list[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Graph is HTTPS: the proxy sees a CONNECT (and its credentials), never the request."""
    (_, url, ca), (asked, proxy_url) = graph, tunnel
    monkeypatch.setenv("HTTPS_PROXY", with_credentials(proxy_url))
    where = httpx.URL(url)

    async with httpx.AsyncClient(transport=AiohttpTransport(str(ca))) as client:
        response = await client.get(url)

    assert response.json() == {"id": "me"}
    assert asked == [f"CONNECT {where.host}:{where.port} HTTP/1.1 {CREDENTIALS}"]


async def test_no_proxy_sends_the_request_straight(
    graph: tuple[str, str, Path],
    forward_proxy: tuple[list[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (url, _, _), (asked, proxy_url) = graph, forward_proxy
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")

    async with httpx.AsyncClient(transport=AiohttpTransport()) as client:
        response = await client.get(url)

    assert (response.status_code, asked) == (200, [])


@pytest.mark.parametrize("variable", ["SSL_CERT_FILE", "SSL_CERT_DIR"])
async def test_the_environment_names_the_cas_to_trust(
    graph: tuple[str, str, Path], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    _, url, ca = graph
    if variable == "SSL_CERT_DIR":  # a hashed directory, as c_rehash makes it
        (ca.parent / f"{subject_hash(ca)}.0").write_bytes(ca.read_bytes())
        monkeypatch.setenv(variable, str(ca.parent))
    else:
        monkeypatch.setenv(variable, str(ca))

    async with httpx.AsyncClient(transport=AiohttpTransport()) as client:
        assert (await client.get(url)).json() == {"id": "me"}


async def test_without_the_ca_the_connection_is_refused(graph: tuple[str, str, Path]) -> None:
    """Nothing named: certifi's bundle, which does not know the CA; `verify` names it."""
    _, url, ca = graph

    async with httpx.AsyncClient(transport=AiohttpTransport()) as certifi_only:
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await certifi_only.get(url)
    async with httpx.AsyncClient(transport=AiohttpTransport(str(ca))) as given:
        assert (await given.get(url)).status_code == 200


def subject_hash(ca: Path) -> str:
    """The name OpenSSL looks a CA up by in a certificate directory."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to name a CA in a certificate directory")
    done = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(ca)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()
