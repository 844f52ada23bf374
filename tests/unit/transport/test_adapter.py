"""The adapter's turn contexts: a send leaves no reference cycle, send hooks still run, and the
turn state is botbuilder's own."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from botbuilder.core import BotAdapter, TurnContext
from botbuilder.core.cloud_adapter_base import CloudAdapterBase
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ResourceResponse,
)
from botframework.connector.auth import ClaimsIdentity

from bot.config import load_settings
from bot.transport.adapter import Adapter, CyclelessTurnContext
from bot.transport.app import create_adapter


class _Recording(BotAdapter):  # type: ignore[misc]
    """botbuilder's adapter contract, keeping what it was asked to send."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        self.sent.extend(activities)
        return [ResourceResponse(id=str(len(self.sent)))]

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        self.sent.append(activity)

    async def delete_activity(self, context: TurnContext, reference: Any) -> None:
        return None


def _incoming() -> Activity:
    return Activity(
        type=ActivityTypes.message,
        id="in-1",
        text="meet now",
        channel_id="msteams",
        service_url="https://smba.example/amer/",
        from_property=ChannelAccount(id="29:user"),
        recipient=ChannelAccount(id="28:bot"),
        conversation=ConversationAccount(id="a:conversation"),
    )


@pytest.fixture
def collector_off() -> Iterator[None]:
    """Objects freed now are freed by their reference counts alone."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


async def _send_and_drop(adapter: BotAdapter) -> weakref.ref[TurnContext]:
    context = CyclelessTurnContext(adapter, _incoming())
    response = await context.send_activity("Here is your meeting")
    assert response is not None
    assert response.id == "1"
    assert context.responded
    return weakref.ref(context)


async def test_a_send_leaves_no_cycle_behind(collector_off: None) -> None:
    adapter = _Recording()
    gone = await _send_and_drop(adapter)
    assert gone() is None  # freed at once: no cycle holds the turn until a collection
    assert [a.text for a in adapter.sent] == ["Here is your meeting"]
    assert adapter.sent[0].conversation.id == "a:conversation"  # the reference was applied


async def test_botbuilder_s_own_context_did_leave_one(collector_off: None) -> None:
    """What the override is for: the same send on botbuilder's TurnContext is kept alive by
    its hook chain's closure until the collector runs."""
    context = TurnContext(_Recording(), _incoming())
    await context.send_activity("Here is your meeting")
    gone = weakref.ref(context)
    del context
    assert gone() is not None
    gc.collect()
    assert gone() is None


async def test_send_hooks_still_run_in_order_and_may_intercept() -> None:
    adapter = _Recording()
    context = CyclelessTurnContext(adapter, _incoming())
    seen: list[str] = []

    def hook(name: str, *, go_on: bool) -> Callable[..., Awaitable[None]]:
        async def on_send(
            _: TurnContext, activities: list[Activity], call_next: Callable[[], Awaitable[None]]
        ) -> None:
            seen.append(f"{name}:{activities[0].text}")
            if go_on:
                await call_next()

        return on_send

    context.on_send_activities(hook("first", go_on=True))
    context.on_send_activities(hook("second", go_on=True))
    await context.send_activity("one")
    assert seen == ["first:one", "second:one"]
    assert [a.text for a in adapter.sent] == ["one"]


async def test_updates_go_through_without_hooks_too() -> None:
    adapter = _Recording()
    context = CyclelessTurnContext(adapter, _incoming())
    await context.update_activity(Activity(type=ActivityTypes.message, id="out-1", text="two"))
    assert [a.text for a in adapter.sent] == ["two"]


def test_the_turn_state_is_cloud_adapter_s_own() -> None:
    adapter = create_adapter(load_settings({"LOCAL_MODE": "true"}))
    assert isinstance(adapter, Adapter)
    args: dict[str, Any] = {
        "activity": _incoming(),
        "claims_identity": ClaimsIdentity({}, True),
        "oauth_scope": "https://api.botframework.com",
        "connector_client": object(),
        "user_token_client": object(),
        "logic": object(),
        "connector_factory": object(),
    }
    ours = adapter._create_turn_context(**args)
    theirs = CloudAdapterBase._create_turn_context(adapter, **args)
    assert type(ours) is CyclelessTurnContext
    assert ours.turn_state == theirs.turn_state
    assert ours.activity is theirs.activity


@pytest.mark.parametrize("app_type", ["MultiTenant", "SingleTenant"])
async def test_without_an_app_id_authentication_is_off_whatever_the_app_type(
    app_type: str,
) -> None:
    # botbuilder's ConfigurationServiceClientCredentialFactory raised a bare Exception at
    # start-up for SingleTenant without an app id; local mode has no app to check callers for
    settings = load_settings({"MicrosoftAppType": app_type, "BOT_DB": ":memory:"})
    adapter = create_adapter(settings)
    activity = Activity(
        type=ActivityTypes.message, channel_id="msteams", service_url="https://smba.example/"
    )
    result = await adapter.bot_framework_authentication.authenticate_request(activity, "")
    assert result.claims_identity.authentication_type == "anonymous"  # nobody was checked
