"""Delegated mode: Teams single sign-on, the on-behalf-of exchange, and per-user Graph tokens.

The bot sends an OAuthCard whose tokenExchangeResource names its api://botid-{appId} resource;
Teams obtains a token for that resource silently and sends it in a `signin/tokenExchange`
invoke. msal's on-behalf-of flow swaps it for a Graph token for the same user; the user's msal
cache (with the refresh token) is stored encrypted, so later turns — and later processes — get
tokens silently. A failed exchange answers 412 so Teams falls back to the card's sign-in button:
a link to the Bot Framework token service (bot/identity/token_service.py), which signs the user
in with the Azure Bot's OAuth connection and keeps their Graph token; the bot asks it for that
token (`signin/verifyState`, then on later turns) as the Bot Framework SDK's OAuthPrompt does.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

import jwt

from bot.config import Settings
from bot.graph.auth import TokenAcquisitionError, msal_failure
from bot.identity.token_cache import TokenCacheStore, exchange_key
from bot.identity.token_service import SignInResource, TokenService, TokenServiceUnavailable
from bot.meetings.model import Requester
from cards.i18n import translator

if TYPE_CHECKING:
    from bot.identity.entra import Entra

log = logging.getLogger(__name__)

GRAPH = "https://graph.microsoft.com"
DELEGATED_SCOPES = (f"{GRAPH}/OnlineMeetings.ReadWrite", f"{GRAPH}/Calendars.ReadWrite")
OAUTH_CARD = "application/vnd.microsoft.card.oauth"
FAILURE_DETAIL = "The bot is unable to exchange token. Proceed with regular login."
NOT_A_JWT = "the token is not a JWT"


class Exchange(Enum):
    EXCHANGED = "exchanged"
    DUPLICATE = "duplicate"  # another device's invoke for the same sign-in already did it
    FAILED = "failed"


@dataclass(frozen=True)
class ExchangeResult:
    """How a Teams token exchange ended, and why."""

    outcome: Exchange
    reason: str = ""


class SsoService:
    """Sign-in card, token exchange, silent per-user tokens and sign-out."""

    def __init__(self, settings: Settings, entra: Entra, store: TokenCacheStore) -> None:
        self._settings = settings
        self._entra = entra
        self._store = store
        self._inflight: dict[str, asyncio.Future[ExchangeResult]] = {}
        self._user_locks: dict[tuple[str, str], asyncio.Lock] = {}

    # --- the card ---------------------------------------------------------------------------

    @property
    def connection(self) -> str:
        """The Azure Bot's OAuth connection the sign-in card and the token service name."""
        return self._settings.identity.sso_connection_name

    def sign_in_card(self, resource: SignInResource, locale: str) -> dict[str, Any]:
        """An OAuthCard attachment: Teams exchanges silently; the button, the token service's
        sign-in link, is the fallback."""
        _ = translator(locale).gettext
        return {
            "contentType": OAUTH_CARD,
            "content": {
                "text": _("Sign in so I can create and change meetings as you."),
                "connectionName": self.connection,
                "tokenExchangeResource": {
                    "id": resource.exchange_id or str(uuid.uuid4()),
                    "uri": resource.exchange_uri or self._settings.sso_resource,
                    "providerId": resource.provider_id or "AzureAD",
                },
                "buttons": [{"type": "signin", "title": _("Sign in"), "value": resource.link}],
            },
        }

    async def sign_in_resource(self, tokens: TokenService) -> SignInResource | None:
        """The token service's sign-in link for this connection, or None (logged with the fix)."""
        try:
            return await tokens.sign_in_resource(self.connection)
        except TokenServiceUnavailable as exc:
            log.error(
                "No sign-in link from the Bot Framework token service (%s): check that the "
                "Azure Bot has an OAuth connection named %r (SSO_CONNECTION_NAME) and that "
                "BOT_TOKEN_SERVICE_URL is its region's token service",
                exc,
                self.connection,
            )
            return None

    async def service_token(
        self, requester: Requester, tokens: TokenService, code: str = ""
    ) -> str | None:
        """The user's Graph token kept by the token service (redeeming the sign-in's `code`),
        None when it has none for them — or one that is not theirs. Raises
        TokenServiceUnavailable."""
        token = await tokens.user_token(self.connection, code)
        if token is None:
            return None
        mismatch = _not_for(requester, token)
        if mismatch and mismatch != NOT_A_JWT:  # an opaque token is the service's to vouch for
            log.warning("Token service token refused for user %s: %s", requester.user_id, mismatch)
            return None
        return token

    # --- the exchange -----------------------------------------------------------------------

    async def exchange(self, requester: Requester, exchange_id: str, token: str) -> ExchangeResult:
        """Swap Teams' SSO token for a Graph token once per sign-in, however many devices ask."""
        mismatch = _not_for(requester, token)
        if mismatch:
            log.warning("SSO exchange refused for user %s: %s", requester.user_id, mismatch)
            return ExchangeResult(Exchange.FAILED, mismatch)
        key = exchange_key(requester.tenant_id, requester.user_id, exchange_id)
        running = self._inflight.get(key)
        if running is not None:
            first = await asyncio.shield(running)
            if first.outcome is Exchange.EXCHANGED:
                return ExchangeResult(Exchange.DUPLICATE)
            return first
        future: asyncio.Future[ExchangeResult] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future  # before any await: a second device waits for this one
        try:
            result = await self._exchange_once(requester, key, token)
        except Exception:
            log.exception("SSO exchange failed unexpectedly for user %s", requester.user_id)
            result = ExchangeResult(Exchange.FAILED, "unexpected error")
        finally:
            del self._inflight[key]
        future.set_result(result)
        return result

    async def _exchange_once(self, requester: Requester, key: str, token: str) -> ExchangeResult:
        """A duplicate when any replica finished this exchange before, else on-behalf-of."""
        if await self._store.exchanged(key):
            return ExchangeResult(Exchange.DUPLICATE)
        result = await self._on_behalf_of(requester, token)
        if result.outcome is Exchange.EXCHANGED:
            await self._store.remember_exchange(key)
        return result

    async def _on_behalf_of(self, requester: Requester, token: str) -> ExchangeResult:
        cache = _token_cache()
        async with self._lock_for(requester):
            try:
                app = await asyncio.to_thread(
                    self._entra.confidential_app, requester.tenant_id, cache
                )
            except TokenAcquisitionError as exc:
                log.error("SSO exchange for user %s: %s", requester.user_id, exc)
                return ExchangeResult(Exchange.FAILED, exc.code)
            result: dict[str, Any] = await asyncio.to_thread(
                app.acquire_token_on_behalf_of, token, list(DELEGATED_SCOPES)
            )
            if "access_token" not in result:
                why = msal_failure(result, "On-behalf-of exchange", self._entra.credential.redact)
                log.warning("SSO exchange for user %s failed: %s", requester.user_id, why)
                return ExchangeResult(Exchange.FAILED, why.aadsts or why.code)
            await self._store.save(requester.tenant_id, requester.user_id, cache.serialize())
        log.info("User %s signed in (single sign-on)", requester.user_id)
        return ExchangeResult(Exchange.EXCHANGED)

    # --- later turns ------------------------------------------------------------------------

    async def access_token(self, requester: Requester) -> str | None:
        """The user's Graph token from their cache (refreshed by msal when due), or None."""
        async with self._lock_for(requester):
            serialized = await self._store.load(requester.tenant_id, requester.user_id)
            if serialized is None:
                return None
            cache = _token_cache()
            cache.deserialize(serialized)
            app = await asyncio.to_thread(self._entra.confidential_app, requester.tenant_id, cache)
            result = await asyncio.to_thread(_silent, app, requester.user_id)
            if cache.has_state_changed:
                await self._store.save(requester.tenant_id, requester.user_id, cache.serialize())
        if result and "access_token" in result:
            return str(result["access_token"])
        if result:  # e.g. the refresh token was revoked: the user signs in again
            why = msal_failure(result, "Silent token", self._entra.credential.redact)
            log.info("User %s must sign in again: %s", requester.user_id, why)
        return None

    async def sign_out(self, requester: Requester, tokens: TokenService) -> None:
        """Forget the user's tokens, the bot's and the token service's; the next request asks
        them to sign in again."""
        await self._store.delete(requester.tenant_id, requester.user_id)
        try:
            await tokens.sign_out(self.connection)
        except TokenServiceUnavailable as exc:
            log.warning("Sign-out of user %s at the token service: %s", requester.user_id, exc)

    def _lock_for(self, requester: Requester) -> asyncio.Lock:
        key = (requester.tenant_id.lower(), requester.user_id.lower())
        return self._user_locks.setdefault(key, asyncio.Lock())


def _silent(app: Any, user_id: str) -> dict[str, Any] | None:
    """msal's silent acquisition for the cache's account of `user_id` (blocking)."""
    accounts = [
        a
        for a in app.get_accounts()
        if str(a.get("local_account_id", "")).lower() == user_id.lower()
    ]
    if not accounts:
        return None
    result: dict[str, Any] | None = app.acquire_token_silent_with_error(
        list(DELEGATED_SCOPES), account=accounts[0]
    )
    return result


def _not_for(requester: Requester, token: str) -> str:
    """Why Teams' token cannot be this sender's (read unverified: Entra verifies it in OBO)."""
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return NOT_A_JWT
    if str(claims.get("oid", "")).lower() != requester.user_id.lower():
        return "the token belongs to another user than the activity's sender"
    if str(claims.get("tid", "")).lower() != requester.tenant_id.lower():
        return "the token is from another tenant than the activity"
    return ""


def _token_cache() -> Any:
    """msal is imported here, by the first signed-in user, not when the bot starts."""
    import msal

    return msal.SerializableTokenCache()
