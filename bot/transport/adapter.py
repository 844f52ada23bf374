"""The adapter the bot runs on: botbuilder's CloudAdapterBase, making turn contexts whose sends
leave nothing for the cycle collector.

The base, not botbuilder's aiohttp CloudAdapter: that one adds reading an aiohttp request,
which bot/transport/messages.py does itself, and Direct Line streaming over web sockets, which
this bot does not serve; importing its package costs ~80 modules and ~12 ms of every start.

botbuilder's `TurnContext._emit` runs the send hooks through a recursive closure
(`emit_next` refers to itself and holds the context), so every reply made a reference cycle
that kept the whole turn (context, activities, claims, connector factory) alive until the next
garbage collection: about 55 objects a turn, and a young-generation collection every few
turns. With no hooks registered, which is how this bot runs, a send is just the adapter's
send: `CyclelessTurnContext` skips the hook chain then, and runs botbuilder's own otherwise.

botbuilder 4.17 is pinned (`~=4.17.1`, archived upstream), so the private method overridden
here does not move; tests/unit/transport/test_adapter.py checks both paths.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import CloudAdapterBase, TurnContext
from botbuilder.schema import Activity
from botframework.connector import ConnectorClient
from botframework.connector.auth import ClaimsIdentity, ConnectorFactory, UserTokenClient


class CyclelessTurnContext(TurnContext):  # type: ignore[misc]
    """botbuilder's TurnContext; a send, update or delete with no hooks registered awaits the
    adapter's work directly instead of walking an empty hook chain."""

    async def _emit(self, plugins: list[Any], arg: Any, logic: Awaitable[Any]) -> Any:
        if plugins:
            return await super()._emit(plugins, arg, logic)
        return await logic


class Adapter(CloudAdapterBase):  # type: ignore[misc]
    """CloudAdapterBase whose turns run on a `CyclelessTurnContext`, with the same turn state."""

    def _create_turn_context(
        self,
        activity: Activity,
        claims_identity: ClaimsIdentity,
        oauth_scope: str,
        connector_client: ConnectorClient,
        user_token_client: UserTokenClient,
        logic: Callable[[TurnContext], Awaitable[Any]],
        connector_factory: ConnectorFactory,
    ) -> TurnContext:
        context = CyclelessTurnContext(self, activity)
        state = context.turn_state
        state[self.BOT_IDENTITY_KEY] = claims_identity
        state[self.BOT_CONNECTOR_CLIENT_KEY] = connector_client
        state[self.USER_TOKEN_CLIENT_KEY] = user_token_client
        state[self.BOT_CALLBACK_HANDLER_KEY] = logic
        state[self.CONNECTOR_FACTORY_KEY] = connector_factory
        state[self.BOT_OAUTH_SCOPE_KEY] = oauth_scope
        return context
