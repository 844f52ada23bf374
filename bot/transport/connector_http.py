"""The Bot Connector's HTTP under botbuilder's own connector client: one pooled aiohttp session.

botbuilder's ConnectorClient (msrest) sends with `requests` in the default thread pool — six
threads on two cores, a new TCP connection per client — so a connector that takes 100 ms to
answer caps replies near 60/s whatever the CPU. Here the same client, the same operations,
serialisation and credentials, sends through an msrest pipeline whose last step is an aiohttp
session on the event loop, with keep-alive. The replies of a turn take the pipeline's steps
without its machinery (bot/transport/replies.py), down to the same SessionSender.exchange.

What msrest + urllib3 did is kept: `ClientRetryPolicy` (3 retries, backoff 0.8 s) as urllib3 2
applies it — a connection that could not be made is retried for any method; a failure after
the request went out, or a 408/5xx status (not 501/505), only for idempotent methods (GET,
PUT, DELETE, ...: never a POST, which could post a reply twice); `Retry-After` honoured on
413/429/503. Transport failures are raised as msrest's ClientRequestError, as before.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

import aiohttp
import certifi
from botframework.connector.auth import AuthenticationConstants
from msrest.exceptions import ClientRequestError
from msrest.pipeline import Request, Response
from msrest.pipeline.async_abc import AsyncHTTPPolicy, AsyncHTTPSender, AsyncPipeline
from msrest.pipeline.universal import HTTPLogger, RawDeserializer, UserAgentPolicy
from msrest.universal_http import ClientRequest
from msrest.universal_http.async_abc import AsyncClientResponse
from yarl import URL

from bot.graph.proxies import EnvProxies

log = logging.getLogger(__name__)

RETRIES = 3  # msrest ClientRetryPolicy: total = connect = read = 3
BACKOFF_FACTOR = 0.8
BACKOFF_MAX = 120.0  # urllib3 2's default (msrest's BACKOFF_MAX = 90 is not read by urllib3 2)
IDEMPOTENT = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT", "TRACE"})
RETRY_STATUS = frozenset(s for s in range(999) if s == 408 or (s >= 500 and s not in (501, 505)))
RETRY_AFTER_STATUS = frozenset({413, 429, 503})
#: A connection that was never made: the request did not go out, so any method may retry.
NOT_CONNECTED = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
Sleep = Callable[[float], Awaitable[None]]


def backoff(retry: int) -> float:
    """urllib3 2: nothing before the first retry, then factor * 2**(n-1), bounded."""
    return 0.0 if retry <= 1 else min(BACKOFF_MAX, BACKOFF_FACTOR * 2 ** (retry - 1))


def retry_after(headers: Any) -> float:
    """Retry-After in seconds (a number or an HTTP date), 0 when absent or unreadable."""
    value = str(headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def status_retried(method: str, status: int, headers: Any) -> bool:
    """urllib3's Retry.is_retry with msrest's status_forcelist."""
    if method not in IDEMPOTENT:
        return False
    return status in RETRY_STATUS or (
        status in RETRY_AFTER_STATUS and bool(headers.get("Retry-After"))
    )


class ConnectorResponse(AsyncClientResponse):
    """A whole response, read before the connection went back to the pool. It is its own
    `internal_response`, which msrest's errors expose as `.response` (with `.status_code`,
    as a requests response had). `request` is the msrest request it answers; a direct reply
    (bot/transport/replies.py) has none until it fails."""

    def __init__(
        self, request: ClientRequest | None, status: int, reason: str, headers: Any, body: bytes
    ) -> None:
        super().__init__(request, None)  # type: ignore[arg-type]
        self.status_code: int = status
        self.reason = reason
        self.headers = headers
        self._body = body
        #: RawDeserializer's reading of the body, set by msrest's async_send (or replies.py)
        self.context: dict[str, Any] = {}

    @property
    def internal_response(self) -> ConnectorResponse:
        """Itself, computed rather than stored: a reference to itself would make every reply's
        response (headers, body and all) garbage that only the cycle collector can free."""
        return self

    @internal_response.setter
    def internal_response(self, given: object) -> None:
        """msrest's base class stores what it was given (None): there is nothing to keep."""

    def body(self) -> bytes:
        return self._body


class SessionSender(AsyncHTTPSender[ClientRequest, ConnectorResponse]):
    """The pipeline's last step: one request on the shared session, retried as msrest did."""

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        timeout: float,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._session = session
        self._timeout = aiohttp.ClientTimeout(sock_connect=timeout, sock_read=timeout)
        self._sleep = sleep
        self._proxies = EnvProxies()

    async def __aenter__(self) -> SessionSender:
        return self

    async def __aexit__(self, *exc_details: object) -> None:
        return None  # the session belongs to the pool, not to one client

    def build_context(self) -> None:
        return None

    async def send(
        self, request: Request[ClientRequest], **config: Any
    ) -> Response[ClientRequest, ConnectorResponse]:
        http: ClientRequest = request.http_request
        headers = {k: v for k, v in http.headers.items() if k.lower() != "content-length"}
        data = http.data.encode() if isinstance(http.data, str) else http.data
        if http.files:
            raise ClientRequestError("form-data uploads are not supported by the pooled sender")
        response = await self.exchange(http.method.upper(), http.url, headers, data, http)
        return Response(request, response)

    async def exchange(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        data: bytes | None,
        http: ClientRequest | None = None,
    ) -> ConnectorResponse:
        """One request and its whole response, retried as msrest did (module docstring).
        `http` is the msrest request it answers, if there is one."""
        retries = 0
        while True:
            wait = 0.0
            try:
                response = await self._once(http, method, url, headers, data)
            except NOT_CONNECTED as exc:  # never sent: any method may try again
                failure: Exception = exc
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                if method not in IDEMPOTENT:  # a POST may have arrived: never twice
                    raise ClientRequestError(f"Error occurred in request: {exc!r}") from exc
                failure = exc
            else:
                if not status_retried(method, response.status_code, response.headers):
                    return response
                failure = ClientRequestError(f"{method} answered {response.status_code}")
                wait = retry_after(response.headers)
            retries += 1
            if retries > RETRIES:
                raise ClientRequestError(f"Error occurred in request: {failure!r}") from failure
            wait = wait or backoff(retries)
            log.info("Bot Connector %s: %r; retry %d in %.1f s", method, failure, retries, wait)
            await self._sleep(wait)

    async def _once(
        self,
        http: ClientRequest | None,
        method: str,
        address: str,
        headers: dict[str, str],
        data: bytes | None,
    ) -> ConnectorResponse:
        url = URL(address)
        tls = tls_context() if url.scheme == "https" else True
        route = self._proxies.route(url)
        if route.request_headers:
            headers = {**headers, **route.request_headers}
        async with self._session().request(
            method,
            url,
            headers=headers,
            data=data,
            timeout=self._timeout,
            proxy=route.proxy,
            proxy_headers=route.connect_headers,
            ssl=tls,
        ) as answer:
            body = await answer.read()
            return ConnectorResponse(http, answer.status, answer.reason or "", answer.headers, body)


class BearerPolicy(AsyncHTTPPolicy[ClientRequest, Any]):
    """The connector token on each request, from botbuilder's credentials object (msal's cache
    behind it); nothing when the app has no id (no inbound authentication either)."""

    def __init__(self, credentials: Any) -> None:
        super().__init__()
        self.credentials = credentials

    async def send(
        self, request: Request[ClientRequest], **kwargs: Any
    ) -> Response[ClientRequest, Any]:
        headers = request.http_request.headers
        token = await access_token(self.credentials)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        else:
            headers.pop("Authorization", None)
        assert self.next is not None  # AsyncPipeline links every policy to the next
        return await self.next.send(request, **kwargs)


async def access_token(credentials: Any) -> str | None:
    """What AppCredentials.signed_session would put in the header, without blocking the loop
    when the credentials can refresh asynchronously (MsalConnectorCredentials)."""
    if credentials is None:
        return None
    app_id = getattr(credentials, "microsoft_app_id", None)
    if not app_id or app_id == AuthenticationConstants.ANONYMOUS_SKILL_APP_ID:
        return None
    fresh = getattr(credentials, "fresh_access_token", None)
    if fresh is not None:
        return str(await fresh())
    return str(credentials.get_access_token())


class PooledPipeline(AsyncPipeline[ClientRequest, Any]):
    """msrest's pipeline for a botbuilder client config (its user agent, log and
    deserialisation policies), with the token and the sending done as above; its parts are
    named so that bot/transport/replies.py can take the same steps without the machinery."""

    def __init__(self, config: Any, sender: SessionSender) -> None:
        self.user_agent: UserAgentPolicy = config.user_agent_policy
        self.bearer = BearerPolicy(config.credentials)
        self.http_logger: HTTPLogger = config.http_logger_policy
        self.sender = sender
        super().__init__(
            [self.user_agent, self.bearer, RawDeserializer(), self.http_logger], sender
        )


def pooled_pipeline(
    config: Any, session: Callable[[], aiohttp.ClientSession], sleep: Sleep = asyncio.sleep
) -> PooledPipeline:
    """The pipeline of a kept client: its requests go out on the shared `session`."""
    timeout = float(getattr(config.connection, "timeout", 100) or 100)
    return PooledPipeline(config, SessionSender(session, timeout, sleep))


def new_session() -> aiohttp.ClientSession:
    """Keep-alive to every connector host (certificates: `tls_context`)."""
    connector = aiohttp.TCPConnector(limit=256, keepalive_timeout=60)
    return aiohttp.ClientSession(connector=connector)


@cache
def tls_context() -> ssl.SSLContext:
    """Certificates checked against certifi's bundle, as `requests` checked them; loaded by
    the first HTTPS request (~0.1 s of CPU), not at start-up."""
    return ssl.create_default_context(cafile=certifi.where())
