"""One Bot Connector client per service URL and identity, reused across turns.

botbuilder's CloudAdapterBase asks the authentication for a new ConnectorClient and a new
UserTokenClient on every turn; each builds an msrest configuration (`ClientRetryPolicy`, a
999-entry status list, a requests session), ~8 ms of CPU per turn together, and a new TCP
connection per reply. `PooledConnectors` wraps the BotFrameworkAuthentication: callers are
validated by the wrapped one exactly as before; only the clients it hands out are kept — per
(app id, audience, service URL), built once by botbuilder's own factory (its credentials,
token handling and connector API), and sent through one pooled aiohttp session
(bot/transport/connector_http.py); its replies go out directly (bot/transport/replies.py).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import aiohttp
from botbuilder.schema import Activity
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)

from bot.transport.connector_http import new_session, pooled_pipeline
from bot.transport.replies import direct_replies
from bot.transport.wire_json import passthrough_json

log = logging.getLogger(__name__)

#: Service URLs are a handful per cloud region; the bound only matters without inbound
#: authentication, where any caller can name one.
MAX_CLIENTS = 64
Key = tuple[str, str, str]


def app_id_of(identity: ClaimsIdentity | None) -> str:
    """The bot's app id as botbuilder reads it from the caller's claims ("" when anonymous)."""
    if identity is None:
        return ""
    value = identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if value is None:
        value = identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return str(value or "")


class PooledConnectors(BotFrameworkAuthentication):  # type: ignore[misc]
    """The wrapped authentication, handing out kept connector and user-token clients."""

    def __init__(
        self,
        inner: BotFrameworkAuthentication,
        *,
        max_clients: int = MAX_CLIENTS,
        session_factory: Callable[[], aiohttp.ClientSession] = new_session,
        token_service: str = "",
    ) -> None:
        self._inner = inner
        self._token_service = token_service
        self._max = max_clients
        self._new_session = session_factory
        self._session: aiohttp.ClientSession | None = None
        self._clients: OrderedDict[Key, Any] = OrderedDict()
        self._user_tokens: dict[str, UserTokenClient] = {}

    # --- the pool ---------------------------------------------------------------------------

    def session(self) -> aiohttp.ClientSession:
        """The one HTTP session of every kept client, opened on first use (on the loop)."""
        if self._session is None or self._session.closed:
            self._session = self._new_session()
        return self._session

    async def aclose(self) -> None:
        self._clients.clear()
        self._user_tokens.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def client(
        self, inner: ConnectorFactory, app_id: str, service_url: str, audience: str | None
    ) -> Any:
        key = (app_id, audience or "", service_url)
        found = self._clients.get(key)
        if found is not None:
            self._clients.move_to_end(key)
            return found
        made = await inner.create(service_url, audience)
        made.config.pipeline = pooled_pipeline(made.config, self.session)
        passthrough_json(made)
        direct_replies(made)
        self._clients[key] = made
        while len(self._clients) > self._max:
            self._clients.popitem(last=False)
        log.debug("Bot Connector client for %s kept (%d kept)", service_url, len(self._clients))
        return made

    def _pooled(self, identity: ClaimsIdentity | None, inner: ConnectorFactory) -> ConnectorFactory:
        return PooledConnectorFactory(self, inner, app_id_of(identity))

    # --- BotFrameworkAuthentication ---------------------------------------------------------

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = self._pooled(
                result.claims_identity, result.connector_factory
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        if result.connector_factory is not None:
            result.connector_factory = self._pooled(
                result.claims_identity, result.connector_factory
            )
        return result

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._pooled(claims_identity, self._inner.create_connector_factory(claims_identity))

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        """Kept per app id (the adapter asks for one every turn), talking to BOT_TOKEN_SERVICE_URL:
        delegated mode's sign-in button and the tokens users get through it. Built on the
        first call made with it: most turns (every turn in app-only mode) make none."""
        app_id = app_id_of(claims_identity)
        found = self._user_tokens.get(app_id)
        if found is None:
            found = DeferredUserTokenClient(partial(self._user_token_client, claims_identity))
            self._user_tokens[app_id] = found
        return found

    async def _user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        made: UserTokenClient = await self._inner.create_user_token_client(claims_identity)
        api = getattr(made, "_client", None)  # botframework's TokenApiClient
        if api is not None and hasattr(api, "config"):
            api.config.pipeline = pooled_pipeline(api.config, self.session)
            if self._token_service:
                api.config.base_url = self._token_service
        return made

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return str(self._inner.get_originating_audience())


class DeferredUserTokenClient(UserTokenClient):  # type: ignore[misc]
    """botbuilder's user-token client, built by `make` when a call first needs it: building
    one runs msrest's configuration (its 999-entry retry status list, a requests session),
    ~5 ms that the first turn of every replica paid for a client it seldom uses."""

    def __init__(self, make: Callable[[], Awaitable[UserTokenClient]]) -> None:
        self._make = make
        self._made: UserTokenClient | None = None

    async def client(self) -> UserTokenClient:
        """The real client (two first calls at once may both build one: the same client)."""
        if self._made is None:
            self._made = await self._make()
        return self._made

    async def get_user_token(
        self, user_id: str, connection_name: str, channel_id: str, magic_code: str
    ) -> Any:
        client = await self.client()
        return await client.get_user_token(user_id, connection_name, channel_id, magic_code)

    async def get_sign_in_resource(
        self, connection_name: str, activity: Activity, final_redirect: str
    ) -> Any:
        client = await self.client()
        return await client.get_sign_in_resource(connection_name, activity, final_redirect)

    async def sign_out_user(self, user_id: str, connection_name: str, channel_id: str) -> Any:
        client = await self.client()
        return await client.sign_out_user(user_id, connection_name, channel_id)

    async def get_token_status(self, user_id: str, channel_id: str, include_filter: str) -> Any:
        client = await self.client()
        return await client.get_token_status(user_id, channel_id, include_filter)

    async def get_aad_tokens(
        self, user_id: str, connection_name: str, resource_urls: list[str], channel_id: str
    ) -> Any:
        client = await self.client()
        return await client.get_aad_tokens(user_id, connection_name, resource_urls, channel_id)

    async def exchange_token(
        self, user_id: str, connection_name: str, channel_id: str, exchange_request: Any
    ) -> Any:
        client = await self.client()
        return await client.exchange_token(user_id, connection_name, channel_id, exchange_request)


class PooledConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    """botbuilder's factory for one identity; the client it makes is kept in the pool."""

    def __init__(self, pool: PooledConnectors, inner: ConnectorFactory, app_id: str) -> None:
        self._pool = pool
        self._inner = inner
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> Any:
        return await self._pool.client(self._inner, self._app_id, service_url, audience)
