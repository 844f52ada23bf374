"""Graph token providers that act for the turn's sender: their tenant, or their own token.

The handler binds the authenticated sender with `acting_as` for the length of a turn; the
providers read it from a ContextVar, so GraphClient keeps its one-argument TokenProvider
protocol and no call site can name a different user.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import partial
from typing import TYPE_CHECKING, Protocol

from bot.graph.auth import MsalAppTokenProvider, TokenAcquisitionError
from bot.meetings.model import Requester

if TYPE_CHECKING:  # msal is loaded with Entra, only when the bot has credentials
    from bot.identity.entra import Entra

#: The person the current turn acts for.
ACTING_USER: ContextVar[Requester | None] = ContextVar("acting_user", default=None)
#: A Graph token the current turn got for its user from the Bot Framework token service.
TURN_TOKEN: ContextVar[tuple[Requester, str] | None] = ContextVar("turn_token", default=None)


@contextlib.contextmanager
def acting_as(requester: Requester | None) -> Iterator[None]:
    """Bind the turn's sender for the token providers (a ContextVar: safe across turns)."""
    token = ACTING_USER.set(requester)
    try:
        yield
    finally:
        ACTING_USER.reset(token)


@contextlib.contextmanager
def using_token(requester: Requester, token: str) -> Iterator[None]:
    """For the rest of the turn, `requester`'s Graph calls carry `token` (one the token
    service holds and renews: the bot keeps no copy)."""
    bound = TURN_TOKEN.set((requester, token))
    try:
        yield
    finally:
        TURN_TOKEN.reset(bound)


class SignInRequired(TokenAcquisitionError):
    """The acting user has no usable token: they must sign in (again) through Teams."""


class UserTokens(Protocol):
    async def access_token(self, requester: Requester) -> str | None: ...


class AppTokenProvider:
    """App-only Graph tokens from the acting user's tenant (a multi-tenant app has one
    service principal per tenant), else from `default_tenant`; msal caches each."""

    def __init__(self, entra: Entra, default_tenant: str) -> None:
        self._entra = entra
        self._default = default_tenant
        self._providers: dict[str, MsalAppTokenProvider] = {}

    async def get_token(self) -> str:
        requester = ACTING_USER.get()
        tenant = (requester.tenant_id if requester and requester.tenant_id else "") or self._default
        provider = self._providers.get(tenant.lower())
        if provider is None:
            provider = MsalAppTokenProvider(
                partial(self._entra.confidential_app, tenant), redact=self._entra.credential.redact
            )
            self._providers[tenant.lower()] = provider
        return await provider.get_token()


class DelegatedTokenProvider:
    """The signed-in token of the user the current turn acts for (delegated mode)."""

    def __init__(self, users: UserTokens) -> None:
        self._users = users

    async def get_token(self) -> str:
        requester = ACTING_USER.get()
        if requester is None:
            raise SignInRequired("No signed-in user for this turn", "no_user")
        bound = TURN_TOKEN.get()
        if bound is not None and bound[0] == requester:
            return bound[1]
        token = await self._users.access_token(requester)
        if not token:
            raise SignInRequired(f"User {requester.user_id} is not signed in", "sign_in_required")
        return token
