"""Where Graph access tokens come from. The client only sees the TokenProvider protocol."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default"


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
    """msal could not get a token; the message is safe to log (no secrets)."""


class MsalAppTokenProvider:
    """App-only tokens via msal client credentials. msal caches and renews them itself."""

    def __init__(self, app_id: str, secret: str, tenant_id: str, authority_host: str = "") -> None:
        import msal  # imported lazily: local runs never need it

        authority = f"{authority_host or 'https://login.microsoftonline.com'}/{tenant_id}"
        self._app: Any = msal.ConfidentialClientApplication(
            app_id, client_credential=secret, authority=authority
        )
        self._lock = asyncio.Lock()

    async def get_token(self) -> str:
        async with self._lock:
            result: dict[str, Any] = await asyncio.to_thread(
                self._app.acquire_token_for_client, scopes=[GRAPH_DEFAULT_SCOPE]
            )
        token = result.get("access_token")
        if not token:
            error = result.get("error", "unknown_error")
            description = str(result.get("error_description", "")).splitlines()[:1]
            raise TokenAcquisitionError(f"Could not get a Graph token: {error} {description}")
        return str(token)
