"""The Bot Framework token service for one turn, through the adapter's user-token client.

CloudAdapterBase puts a UserTokenClient in every turn's state (bot/transport/connectors.py keeps
it, pointed at BOT_TOKEN_SERVICE_URL); these are the calls botbuilder's OAuthPrompt makes with
it: the sign-in resource for the OAuthCard, and the user's token — redeeming the
`signin/verifyState` code — keyed by the sender's channel account and the channel.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import ClientError
from azure.core.exceptions import DeserializationError
from botbuilder.core import TurnContext
from botbuilder.core.cloud_adapter_base import CloudAdapterBase
from msrest.exceptions import ClientException

from bot.identity.token_service import SignInResource, TokenServiceUnavailable

log = logging.getLogger(__name__)

#: What the token service's client raises when the service cannot be reached or refuses.
FAILURES: tuple[type[BaseException], ...] = (
    ClientException,  # msrest: HTTP errors (ErrorResponseException) and unreachable hosts
    DeserializationError,
    ClientError,
    OSError,
    TypeError,  # botbuilder's own checks: no sender id, no channel id
)


class ConnectorTokenService:
    """`bot.identity.token_service.TokenService` for the turn of `context`."""

    def __init__(self, context: TurnContext) -> None:
        self._context = context

    def _client(self) -> Any:
        client = self._context.turn_state.get(CloudAdapterBase.USER_TOKEN_CLIENT_KEY)
        if client is None:
            raise TokenServiceUnavailable("the adapter gave this turn no user-token client")
        return client

    def _sender(self) -> tuple[str, str]:
        activity = self._context.activity
        sender = getattr(activity.from_property, "id", None) or ""
        return str(sender), str(activity.channel_id or "")

    async def sign_in_resource(self, connection: str) -> SignInResource:
        try:
            found = await self._client().get_sign_in_resource(
                connection, self._context.activity, None
            )
        except FAILURES as exc:
            raise _unavailable("sign-in resource", exc) from None
        link = str(getattr(found, "sign_in_link", "") or "")
        if not link:
            raise TokenServiceUnavailable(f"no sign-in link for connection {connection!r}")
        resource = getattr(found, "token_exchange_resource", None)
        return SignInResource(
            link=link,
            exchange_id=str(getattr(resource, "id", "") or ""),
            exchange_uri=str(getattr(resource, "uri", "") or ""),
            provider_id=str(getattr(resource, "provider_id", "") or ""),
        )

    async def user_token(self, connection: str, code: str = "") -> str | None:
        user_id, channel_id = self._sender()
        try:
            found = await self._client().get_user_token(
                user_id, connection, channel_id, code or None
            )
        except FAILURES as exc:
            raise _unavailable("user token", exc) from None
        token = getattr(found, "token", None) if found is not None else None
        return str(token) if token else None

    async def sign_out(self, connection: str) -> None:
        user_id, channel_id = self._sender()
        try:
            await self._client().sign_out_user(user_id, connection, channel_id)
        except FAILURES as exc:
            raise _unavailable("sign-out", exc) from None


def _unavailable(what: str, error: BaseException) -> TokenServiceUnavailable:
    status = getattr(getattr(error, "response", None), "status_code", None)
    detail = f"HTTP {status}" if status else type(error).__name__
    return TokenServiceUnavailable(f"the Bot Framework token service's {what}: {detail}")
