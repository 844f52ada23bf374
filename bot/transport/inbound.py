"""Only real Bot Framework traffic gets in; replies go out with the bot's own msal token.

Inbound: botframework-connector validates the channel's JWT (signature against the channel's
published keys, issuer, audience = our app id, serviceUrl claim). BOT_OPENID_METADATA_URL and
BOT_TOKEN_ISSUER point that at another channel (a sovereign cloud, or the test identity server).
Whatever the validator throws — expired, forged, malformed — becomes a 401: it fails closed.

Outbound: replies to the connector need a token for https://api.botframework.com. Instead of
botbuilder's MicrosoftAppCredentials (msal with its default authority and trust store), they
come from the same `Entra` as Graph tokens, so AUTHORITY_HOST, AUTHORITY_CA_BUNDLE and a
certificate credential apply to them as well.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConfiguration,
    BotFrameworkAuthentication,
    BotFrameworkAuthenticationFactory,
    ClaimsIdentity,
    ConnectorFactory,
    PasswordServiceClientCredentialFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)

from bot.config import Settings
from bot.graph.auth import TokenAcquisitionError, msal_failure
from bot.transport.signing_keys import with_fresh_keys

if TYPE_CHECKING:
    from bot.identity.entra import Entra

log = logging.getLogger(__name__)

CONNECTOR_SCOPE = "https://api.botframework.com"
#: The tenant multi-tenant bots get Bot Connector tokens from.
BOT_FRAMEWORK_TENANT = "botframework.com"
#: A connector token is renewed this long before it expires (msal renews its own at 5 min).
REFRESH_MARGIN = 300.0


def channel_tenant(settings: Settings) -> str:
    """Single-tenant bots get connector tokens from their own tenant, others from botframework's."""
    if settings.app_type.lower() == "singletenant" and settings.app_tenant_id:
        return settings.app_tenant_id
    return BOT_FRAMEWORK_TENANT


class _LazyApp:
    """One msal app, built on first use from whichever thread needs it first."""

    def __init__(self, entra: Entra, tenant: str) -> None:
        self._entra = entra
        self._tenant = tenant
        self._app: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        with self._lock:
            if self._app is None:
                self._app = self._entra.confidential_app(self._tenant)
            return self._app


class MsalConnectorCredentials(AppCredentials):  # type: ignore[misc]
    """msrest credentials whose token comes from msal's cache (warmed off the event loop).

    The pooled connector clients (bot/transport/connectors.py) keep one of these for hours:
    they ask `fresh_access_token`, which answers from memory while the token has more than
    REFRESH_MARGIN left and otherwise asks msal in a thread, so the loop never waits on Entra."""

    def __init__(self, app_id: str, oauth_scope: str, app: _LazyApp, entra: Entra) -> None:
        super().__init__(app_id=app_id, oauth_scope=oauth_scope)
        self._lazy = app
        self._entra = entra
        self._token = ""
        self._renew_at = 0.0

    def get_access_token(self, force_refresh: bool = False) -> str:
        scope = self.oauth_scope
        if not scope.endswith("/.default"):
            scope += "/.default"
        result: dict[str, Any] = self._lazy.get().acquire_token_for_client(scopes=[scope])
        token = result.get("access_token")
        if not token:
            redact = self._entra.credential.redact
            raise msal_failure(result, "Could not get a Bot Connector token", redact)
        lifetime = float(result.get("expires_in") or 0)
        self._token, self._renew_at = str(token), time.monotonic() + lifetime - REFRESH_MARGIN
        return str(token)

    async def fresh_access_token(self) -> str:
        if self._token and time.monotonic() < self._renew_at:
            return self._token
        return await asyncio.to_thread(self.get_access_token)


class MsalCredentialsFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Credentials for this bot's app id only; tokens via `Entra` for the channel tenant."""

    def __init__(self, entra: Entra, tenant: str) -> None:
        self._entra = entra
        self._app = _LazyApp(entra, tenant)

    async def is_valid_app_id(self, app_id: str) -> bool:
        return bool(app_id) and app_id.lower() == self._entra.app_id.lower()

    async def is_authentication_disabled(self) -> bool:
        return not self._entra.app_id

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> AppCredentials:
        if not await self.is_valid_app_id(app_id):
            raise PermissionError("Invalid app_id")
        credentials = MsalConnectorCredentials(
            app_id, oauth_scope or CONNECTOR_SCOPE, self._app, self._entra
        )
        try:  # msrest asks for the token synchronously on the event loop: have it cached by then
            await asyncio.to_thread(credentials.get_access_token)
        except TokenAcquisitionError as exc:
            log.error("Bot Connector token: %s", exc)
        return credentials


class FailClosedAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]
    """Any failure to validate a caller is a 401 (PermissionError), never a 500 or a pass."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        try:
            if not auth_header:  # botframework-connector would fail on it with an AttributeError
                raise PermissionError("no Authorization header")
            return await with_fresh_keys(
                lambda: self._inner.authenticate_request(activity, auth_header)
            )
        except Exception as exc:
            raise _rejected(
                exc, f"{activity.channel_id} activity from {activity.service_url}"
            ) from None

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        try:
            return await with_fresh_keys(
                lambda: self._inner.authenticate_streaming_request(auth_header, channel_id_header)
            )
        except Exception as exc:
            raise _rejected(exc, "streaming request") from None

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        try:
            return await with_fresh_keys(
                lambda: self._inner.authenticate_channel_request(auth_header)
            )
        except Exception as exc:
            raise _rejected(exc, "channel request") from None

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._inner.create_connector_factory(claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        return await self._inner.create_user_token_client(claims_identity)

    def create_bot_framework_client(self) -> Any:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return str(self._inner.get_originating_audience())


def _rejected(error: Exception, what: str) -> PermissionError:
    reason = f"{type(error).__name__}: {error}"[:200]
    log.warning("Rejected %s: %s", what, reason)
    return PermissionError("Unauthorized Access. Request is not authorized")


def _channel_settings(settings: Settings, entra: Entra) -> dict[str, str]:
    """BOT_OPENID_METADATA_URL's channel, in botframework-connector's terms: any of these
    switches its factory to the parameterized validation. None given: the public cloud."""
    metadata = settings.identity.bot_openid_metadata_url
    if not metadata:
        return {}
    return {
        "to_bot_from_channel_open_id_metadata_url": metadata,
        "to_bot_from_emulator_open_id_metadata_url": metadata,
        "to_bot_from_channel_token_issuer": settings.identity.bot_token_issuer,
        "to_channel_from_bot_login_url": entra.authority(channel_tenant(settings)),
        "to_channel_from_bot_oauth_scope": CONNECTOR_SCOPE,
        "oauth_url": CONNECTOR_SCOPE,
        "caller_id": CallerIdConstants.public_azure_channel,
    }


def inbound_authentication(settings: Settings, entra: Entra | None) -> BotFrameworkAuthentication:
    """Validation of inbound activities plus msal-backed outbound credentials, failing closed.
    Without an app id (local mode) authentication is off, as botframework-connector does it.

    Built with botframework-connector's own factory, as botbuilder's
    ConfigurationBotFrameworkAuthentication builds it, without importing that class's package
    (botbuilder's aiohttp integration and its Direct Line streaming: ~80 modules and ~12 ms of
    every start that this bot, which reads its requests itself, never runs)."""
    if entra is None:
        return BotFrameworkAuthenticationFactory.create(
            validate_authority=True,
            credential_factory=PasswordServiceClientCredentialFactory(),
            auth_configuration=AuthenticationConfiguration(),
        )
    inner = BotFrameworkAuthenticationFactory.create(
        validate_authority=True,
        credential_factory=MsalCredentialsFactory(entra, channel_tenant(settings)),
        auth_configuration=AuthenticationConfiguration(),
        **_channel_settings(settings, entra),
    )
    return FailClosedAuthentication(inner)
