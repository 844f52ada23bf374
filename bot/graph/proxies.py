"""HTTP(S)_PROXY and NO_PROXY as `requests` and httpx read them, for requests sent on aiohttp.

Both of the bot's outbound clients (Graph's transport and the Bot Connector's sender) send
through one pooled aiohttp session without `trust_env`, which would read the environment, and
~/.netrc in a thread, on every request. `EnvProxies` reads them once per scheme and host.
The credentials of a proxy (written in its URL, else from ~/.netrc) go with it as a
Proxy-Authorization header: on the request itself for a plain HTTP proxy, which reads it off
the request it forwards, and on the CONNECT for an HTTPS target, which the proxy tunnels.
"""

from __future__ import annotations

from typing import NamedTuple

from aiohttp.helpers import get_env_proxy_for_url
from yarl import URL


class Route(NamedTuple):
    """How one request goes out: through `proxy` (None: directly), with these headers added to
    the request and these sent with the CONNECT (both None when there are none)."""

    proxy: URL | None
    request_headers: dict[str, str] | None
    connect_headers: dict[str, str] | None


DIRECT = Route(None, None, None)


class EnvProxies:
    """The environment's proxy for each scheme and host, read the first time it is asked for."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], Route] = {}

    def route(self, url: URL) -> Route:
        key = (url.scheme, url.host or "")
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = _route(url)
        return found


def _route(url: URL) -> Route:
    try:
        proxy, auth = get_env_proxy_for_url(url)
    except LookupError:  # no proxy for this scheme, or NO_PROXY names the host
        return DIRECT
    headers = {"Proxy-Authorization": auth.encode()} if auth else None
    if url.scheme == "https":
        return Route(proxy, None, headers)
    return Route(proxy, headers, None)
