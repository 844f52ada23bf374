"""httpx's transport for Graph, with the bytes moved by aiohttp.

GraphClient speaks httpx (requests, timeouts, errors); under it httpcore + anyio + h11 cost
~2 ms of CPU per Graph call on this machine, several times aiohttp's client for the same
request (bench: 2.2-2.4 vs 0.4-0.6 ms per request, client and server in one process). This
transport keeps httpx's API and semantics — the request httpx built goes out as is, its
timeouts apply, the answer comes back as an httpx.Response that httpx decodes, and a
failure is the httpx exception httpcore would have raised (a connection never made is a
ConnectError or ConnectTimeout, one that broke after sending a ReadError, RemoteProtocolError
or ReadTimeout) — over one pooled aiohttp session.

What httpx's own transport read from the environment, this one reads too: HTTP(S)_PROXY and
NO_PROXY (once per scheme and host, bot/graph/proxies.py, as the Bot Connector's sender does),
and SSL_CERT_FILE / SSL_CERT_DIR when `verify` is True. Cookies are httpx's
business (GraphClient's client has the jar), so aiohttp keeps none of its own.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from functools import cached_property, lru_cache
from typing import Any

import aiohttp
import certifi
import httpx
from yarl import URL

from bot.graph.proxies import EnvProxies

#: httpx's default pool size.
MAX_CONNECTIONS = 100


class AiohttpTransport(httpx.AsyncBaseTransport):
    """`verify` as httpx takes it: True (SSL_CERT_FILE, SSL_CERT_DIR or certifi's bundle),
    False, a CA file or directory, or a context."""

    def __init__(self, verify: Any = True) -> None:
        self._verify = verify
        self._session: aiohttp.ClientSession | None = None
        self._proxies = EnvProxies()

    @cached_property
    def _tls(self) -> ssl.SSLContext | bool:
        """Built by the first HTTPS request: loading a CA bundle costs ~0.1 s of CPU."""
        return tls_context(self._verify)

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=MAX_CONNECTIONS, keepalive_timeout=5)
            self._session = aiohttp.ClientSession(
                connector=connector,
                auto_decompress=False,  # httpx decodes, as it does with httpcore
                skip_auto_headers=("Accept-Encoding", "User-Agent", "Content-Type"),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeouts = request.extensions.get("timeout") or {}
        timeout = _client_timeout(timeouts.get("connect"), timeouts.get("read"))
        body = await request.aread()
        url = URL(str(request.url))  # as aiohttp reads a URL given as text
        https = url.scheme == "https"
        headers = list(request.headers.multi_items())
        route = self._proxies.route(url)
        if route.request_headers:
            headers += route.request_headers.items()
        try:
            async with self._open().request(
                request.method,
                url,
                headers=headers,
                data=body or None,
                timeout=timeout,
                ssl=self._tls if https else True,
                allow_redirects=False,
                proxy=route.proxy,
                proxy_headers=route.connect_headers,
            ) as answer:
                content = await answer.read()
        except Exception as exc:
            raise _httpx_error(exc, request) from exc
        response = httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(content),  # as httpcore hands it over: headers as sent
            request=request,
            extensions={
                "http_version": b"HTTP/1.1",
                "reason_phrase": (answer.reason or "").encode("ascii", "replace"),
            },
        )
        response.read()  # httpx decodes it (gzip, ...), from memory
        return response

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def tls_context(verify: Any) -> ssl.SSLContext | bool:
    """What httpx.create_ssl_context makes of `verify` (trust_env on), without its warning
    for a path: a given context, none at all (False), a CA file or directory, or the
    environment's SSL_CERT_FILE / SSL_CERT_DIR, else certifi's bundle."""
    if isinstance(verify, ssl.SSLContext):
        return verify
    if verify is False:
        return False
    if isinstance(verify, str | os.PathLike):
        path = os.fspath(verify)
        if os.path.isdir(path):
            return ssl.create_default_context(capath=path)
        return ssl.create_default_context(cafile=path)
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    return ssl.create_default_context(cafile=certifi.where())


@lru_cache(maxsize=64)
def _client_timeout(connect: float | None, read: float | None) -> aiohttp.ClientTimeout:
    """One ClientTimeout per pair (it is immutable): most calls share the client's default."""
    return aiohttp.ClientTimeout(sock_connect=connect, sock_read=read)


def _httpx_error(exc: Exception, request: httpx.Request) -> Exception:
    """The httpx exception httpcore raises for the same failure (others pass unchanged)."""
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(message, request=request)
    if isinstance(exc, asyncio.TimeoutError):  # sock_read, aiohttp's ServerTimeoutError too
        return httpx.ReadTimeout(message, request=request)
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientResponseError):
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(message, request=request)
    if isinstance(exc, aiohttp.ClientError | OSError):
        return httpx.ReadError(message, request=request)
    return exc
