"""Where Graph access tokens come from. The client only sees the TokenProvider protocol."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol

GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default"
#: An app-only token is asked of msal again this long before it expires (msal renews at 5 min).
RENEW_MARGIN = 300.0


class TokenProvider(Protocol):
    async def get_token(self) -> str:
        """A bearer token for Graph, renewed by the provider before it expires."""
        ...


class StaticTokenProvider:
    """A fixed token: used with the embedded emulator, which accepts any bearer token."""

    def __init__(self, token: str = "local-emulator-token") -> None:
        self._token = token

    async def get_token(self) -> str:
        return self._token


class TokenAcquisitionError(RuntimeError):
    """msal could not get a token; the message is safe to log (no secrets).

    `code` is msal's / Entra's error (e.g. `invalid_client`) and `aadsts` the AADSTS number
    when Entra sent one (e.g. `AADSTS7000215`), so logs and `doctor` can name the fix.
    """

    def __init__(self, message: str, code: str = "", aadsts: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.aadsts = aadsts


def msal_failure(
    result: Mapping[str, Any], what: str, redact: Callable[[str], str] = str
) -> TokenAcquisitionError:
    """An msal error result as a TokenAcquisitionError: error code, AADSTS code, first line."""
    error = str(result.get("error") or "unknown_error")
    codes = result.get("error_codes")
    aadsts = f"AADSTS{codes[0]}" if isinstance(codes, list) and codes else ""
    lines = str(result.get("error_description") or "").splitlines()
    summary = redact(lines[0]) if lines else ""
    if aadsts and summary.startswith(aadsts + ":"):
        summary = summary[len(aadsts) + 1 :].strip()
    return TokenAcquisitionError(
        f"{what}: {error}{f' ({aadsts})' if aadsts else ''} {summary}".strip(), error, aadsts
    )


class MsalAppTokenProvider:
    """App-only Graph tokens via msal client credentials. msal caches and renews them itself.

    `build_app` makes the msal ConfidentialClientApplication; it runs once, in a thread,
    because msal fetches the authority's OpenID configuration while constructing it. The
    token is then kept in memory until RENEW_MARGIN before it expires (or when msal says to
    refresh it), so a turn reads it without a lock and without a thread hop; only a renewal
    asks msal, in a thread, and concurrent renewals are msal's to serialise.
    """

    def __init__(
        self,
        build_app: Callable[[], Any],
        *,
        scope: str = GRAPH_DEFAULT_SCOPE,
        redact: Callable[[str], str] = str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._build_app = build_app
        self._app: Any = None
        self._scope = scope
        self._redact = redact
        self._clock = clock
        self._lock = asyncio.Lock()  # only while the app is built, once
        self._token = ""
        self._renew_at = 0.0

    async def get_token(self) -> str:
        if self._token and self._clock() < self._renew_at:
            return self._token
        if self._app is None:
            async with self._lock:
                if self._app is None:
                    self._app = await asyncio.to_thread(self._build_app)
        asked = self._clock()
        result: dict[str, Any] = await asyncio.to_thread(
            self._app.acquire_token_for_client, scopes=[self._scope]
        )
        token = result.get("access_token")
        if not token:
            raise msal_failure(result, "Could not get a Graph token", self._redact)
        lifetime = float(result.get("expires_in") or 0) - RENEW_MARGIN
        if result.get("refresh_in"):
            lifetime = min(lifetime, float(result["refresh_in"]))
        self._token, self._renew_at = str(token), asked + lifetime
        return str(token)
