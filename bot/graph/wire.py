"""How GraphClient puts a request on httpx: built directly, and handed to the client's transport.

`httpx.AsyncClient.request` merges the client's URL, params, headers and cookies into each
request (parsing the URL again every time), and `send` runs an auth flow, a redirect loop and
a cookie jar that turns every answer into urllib's request and response objects: ~250 µs of
CPU per call here over a transport that does nothing, more than aiohttp spends moving the
bytes. GraphClient's own client has no base URL, params, auth, event hooks or redirects to
follow, so for it the request is made here, with the headers and body httpx would have made
(the client's headers, then the call's, Host first, Content-Length and Content-Type after;
`json` encoded as httpx does), its URL parsed once per URL and params (URLs are immutable:
they are kept), and sent straight to the client's transport. The client's cookie jar still
works as httpx's does (its cookies are sent, a Set-Cookie is kept), httpx's logger still gets
its line per request, and a closed client refuses, as httpx's does.

A client handed in from outside (tests, tools) is used as httpx uses it: `request()`.
"""

from __future__ import annotations

import json as jsonlib
import logging
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import httpx

#: httpx's own logger: its line per request (INFO) is written here as httpx writes it.
HTTPX_LOG = logging.getLogger("httpx")
#: Methods httpx gives a `Content-Length: 0` when they carry no body.
BODY_METHODS = ("POST", "PUT", "PATCH")
_JSON = b"application/json"
Params = tuple[tuple[str, str], ...]
Field = tuple[bytes, bytes]
#: httpx's `encode_json` options (compact, UTF-8, no NaN), in one encoder for every body:
#: json.dumps with options builds one per call.
JSON_BODY = jsonlib.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class Wire:
    """Sends GraphClient's requests on `http`; through `transport` when it is `http`'s own."""

    def __init__(self, http: httpx.AsyncClient, transport: httpx.AsyncBaseTransport | None) -> None:
        self._http = http
        self._transport = transport
        # Whether the jar may hold a cookie: asking it (len) walks every cookie, each call;
        # only our own answers put one there (this client is GraphClient's alone).
        self._cookies = bool(http.cookies)

    async def send(
        self,
        method: str,
        url: str,
        *,
        json: Any,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str],
        timeouts: httpx.Timeout,
    ) -> httpx.Response:
        """The answer, read; the transport's httpx exception when there is none."""
        if self._transport is None:
            return await self._http.request(
                method, url, json=json, params=params, headers=headers, timeout=timeouts
            )
        if self._http.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        request = self.build(method, url, json, params, headers, timeouts)
        response = await self._transport.handle_async_request(request)
        response.request = request
        if HTTPX_LOG.isEnabledFor(logging.INFO):
            HTTPX_LOG.info(
                'HTTP Request: %s %s "%s %d %s"',
                request.method,
                request.url,
                response.http_version,
                response.status_code,
                response.reason_phrase,
            )
        await response.aread()
        if "set-cookie" in response.headers:
            self._http.cookies.extract_cookies(response)
            self._cookies = True
        return response

    def build(
        self,
        method: str,
        url: str,
        json: Any,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str],
        timeouts: httpx.Timeout,
    ) -> httpx.Request:
        """The request httpx's `build_request` makes of the same arguments on this client."""
        target = _target(url, tuple(params.items()) if params else ())
        fields = _merged(self._http.headers.raw, headers)
        names = {name.lower() for name, _ in fields}
        body, first = b"", []
        if json is not None:
            body = _encode_json(json)
            for name, value in ((b"Content-Length", b"%d" % len(body)), (b"Content-Type", _JSON)):
                if name.lower() not in names:
                    fields.append((name, value))
        if b"host" not in names:
            first.append((b"Host", target.netloc))
        if json is None and method in BODY_METHODS and b"content-length" not in names:
            first.append((b"Content-Length", b"0"))
        request = httpx.Request(
            method,
            target,
            headers=first + fields,
            stream=httpx.ByteStream(body),
            extensions={"timeout": timeouts.as_dict()},
        )
        request.read()
        if self._cookies and self._http.cookies:
            self._http.cookies.set_cookie_header(request)
        return request


def _encode_json(value: Any) -> bytes:
    """As httpx's `encode_json` (compact, UTF-8, no NaN)."""
    return JSON_BODY.encode(value).encode("utf-8")


def _merged(client: list[Field], call: Mapping[str, str]) -> list[Field]:
    """The client's headers updated with the call's, as `httpx.Headers.update` does (a name
    the client has too is taken out of the client's and added with the call's); text is
    encoded as httpx encodes it (ASCII)."""
    added = [(name.encode("ascii"), value.encode("ascii")) for name, value in call.items()]
    if not added:
        return list(client)
    replaced = {name.lower() for name, _ in added}
    kept = [field for field in client if field[0].lower() not in replaced]
    return kept + added


@lru_cache(maxsize=1024)
def _target(url: str, params: Params) -> httpx.URL:
    """The URL httpx's Request makes of `url` and `params`, parsed once: a turn's calls go to
    the same few paths (the user's events, its onlineMeetings, its calendar)."""
    return httpx.URL(url, params=dict(params)) if params else httpx.URL(url)
