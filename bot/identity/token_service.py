"""The Bot Framework token service, as one turn sees it: the sign-in button's link, and the
token a user got by pressing it.

When Teams cannot sign a user in silently (consent is needed), the OAuthCard's button signs
them in through the token service of the Azure Bot's OAuth connection; Teams then sends
`signin/verifyState` with a code the bot redeems there for the user's token, as the Bot
Framework SDK's OAuthPrompt does. The transport implements this per turn (it holds the
adapter's user-token client); everything else sees only this Protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class TokenServiceUnavailable(RuntimeError):
    """The token service could not be asked, or refused (e.g. an unknown connection name)."""


@dataclass(frozen=True)
class SignInResource:
    """The sign-in button's link, and the resource Teams asks single sign-on tokens for."""

    link: str
    exchange_id: str = ""
    exchange_uri: str = ""
    provider_id: str = ""


class TokenService(Protocol):
    """The token service for the turn's sender, on the turn's channel."""

    async def sign_in_resource(self, connection: str) -> SignInResource:
        """Raises TokenServiceUnavailable."""
        ...

    async def user_token(self, connection: str, code: str = "") -> str | None:
        """The sender's token (redeeming `code`, the verifyState state, when given), or None
        when the service has none for them. Raises TokenServiceUnavailable."""
        ...

    async def sign_out(self, connection: str) -> None:
        """Forget the sender's token. Raises TokenServiceUnavailable."""
        ...


class NoTokenService:
    """No Bot Framework channel behind the turn (tests of the conversation alone, local mode)."""

    async def sign_in_resource(self, connection: str) -> SignInResource:
        raise TokenServiceUnavailable("no Bot Framework token service for this turn")

    async def user_token(self, connection: str, code: str = "") -> str | None:
        if code:
            raise TokenServiceUnavailable("no Bot Framework token service for this turn")
        return None

    async def sign_out(self, connection: str) -> None:
        return None
