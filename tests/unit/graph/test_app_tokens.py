"""App-only Graph tokens: msal's app built once, the token read from memory until it is due
for renewal, and renewed through msal (in a thread) without a lock held across the hop."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot.graph.auth import RENEW_MARGIN, MsalAppTokenProvider, TokenAcquisitionError


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeMsalApp:
    """msal's ConfidentialClientApplication as far as the provider uses it."""

    def __init__(self, expires_in: int = 3599, **extra: Any) -> None:
        self.calls = 0
        self.threads: set[str] = set()
        self.expires_in = expires_in
        self.extra = extra
        self.fail = False

    def acquire_token_for_client(self, scopes: list[str]) -> dict[str, Any]:
        self.calls += 1
        self.threads.add(threading.current_thread().name)
        if self.fail:
            return {"error": "invalid_client", "error_description": "AADSTS7000215: bad secret"}
        return {"access_token": f"token-{self.calls}", "expires_in": self.expires_in, **self.extra}


@pytest.fixture
def clock() -> Clock:
    return Clock()


def provider(
    app: FakeMsalApp, clock: Clock, built: list[int] | None = None
) -> MsalAppTokenProvider:
    def build() -> FakeMsalApp:
        if built is not None:
            built.append(1)
        return app

    return MsalAppTokenProvider(build, clock=clock)


async def test_the_app_is_built_once_and_the_token_then_comes_from_memory(clock: Clock) -> None:
    app, built = FakeMsalApp(), list[int]()
    tokens = provider(app, clock, built)

    await asyncio.gather(*(tokens.get_token() for _ in range(10)))
    asked_at_start = app.calls
    clock.now += 3599 - RENEW_MARGIN - 1
    later = {await tokens.get_token() for _ in range(100)}

    assert built == [1]
    assert app.calls == asked_at_start  # 100 turns later, msal was not asked again
    assert len(later) == 1
    assert threading.main_thread().name not in app.threads  # msal runs off the loop


async def test_a_token_due_for_renewal_is_asked_of_msal_again(clock: Clock) -> None:
    app = FakeMsalApp()
    tokens = provider(app, clock)

    assert await tokens.get_token() == "token-1"
    clock.now += 3599 - RENEW_MARGIN

    assert await tokens.get_token() == "token-2"


async def test_msals_refresh_in_hint_comes_first(clock: Clock) -> None:
    app = FakeMsalApp(expires_in=86399, refresh_in=43199)
    tokens = provider(app, clock)

    await tokens.get_token()
    clock.now += 43199

    assert await tokens.get_token() == "token-2"


async def test_a_failure_is_raised_and_nothing_is_kept(clock: Clock) -> None:
    app = FakeMsalApp()
    app.fail = True
    tokens = provider(app, clock)

    with pytest.raises(TokenAcquisitionError, match="AADSTS7000215"):
        await tokens.get_token()
    app.fail = False

    assert await tokens.get_token() == "token-2"
