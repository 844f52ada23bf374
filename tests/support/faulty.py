"""A bot with a small time budget, for the fault tests (tests/conftest.py loads it).

The turn budget is 1 s, Graph calls time out after `graph_timeout` (0.5 s unless a test
parametrizes it), and Graph's waits (Retry-After, backoff) run on a FastTimer 30 times faster
than real time while the 60 s background deadline counts them in full: a storm of
`Retry-After: 19` plays out in about two seconds, exactly as it would in a minute.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.runtime import BotRuntime, build_runtime
from bot.storage import Intent, Store
from tests.support.activities import invoke, message
from tests.support.cardtext import card_text
from tests.support.connector import ConnectorCapture
from tests.support.timer import FastTimer

TURN_BUDGET = 1.0
#: Over the budget for the loopback round trip on a loaded test machine.
SLACK = 0.75
CANNOT_SAVE = "I can't save anything right now, so I did not create or change anything."
NOTHING_CREATED = "Nothing was created. Please try again in"
NOT_CONFIRMED = "I could not confirm with Microsoft Graph whether the meeting was created"


@pytest.fixture
def graph_timeout() -> float:
    return 0.5


@pytest.fixture
def graph_timer() -> FastTimer:
    return FastTimer(scale=1 / 30)


@pytest.fixture
def bot_db(tmp_path: Path) -> Path:
    return tmp_path / "bot.sqlite3"


@pytest.fixture
def bot_store() -> Store | None:
    """None: the runtime opens BOT_DB itself; a test module may hand it a store."""
    return None


@dataclass
class FaultyBot:
    url: str
    http: httpx.AsyncClient
    runtime: BotRuntime
    capture: ConnectorCapture
    service_url: str
    server: TestServer

    async def stop(self) -> None:
        """Shut the bot down as a deployment does (its cleanup runs); idempotent."""
        await self.http.aclose()
        await self.server.close()

    async def say(self, text: str, **kwargs: Any) -> float:
        """Send a message; the seconds until the HTTP answer, which must be within budget."""
        started = time.monotonic()
        response = await self.http.post(
            f"{self.url}/api/messages", json=message(text, self.service_url, **kwargs)
        )
        elapsed = time.monotonic() - started
        assert response.status_code in (200, 201), response.text
        assert elapsed < TURN_BUDGET + SLACK, f"answered after {elapsed:.2f}s"
        return elapsed

    async def press(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        """An Action.Execute press answered within budget: the card Teams shows in place."""
        started = time.monotonic()
        response = await self.http.post(
            f"{self.url}/api/messages", json=invoke(data, self.service_url, **kwargs)
        )
        elapsed = time.monotonic() - started
        assert response.status_code == 200, response.text
        assert elapsed < TURN_BUDGET + SLACK, f"answered after {elapsed:.2f}s"
        card: dict[str, Any] = response.json()["value"]
        return card

    async def settled(self) -> None:
        """Until every turn's background work has ended (and posted what it posts)."""
        await self.runtime.background.idle()

    def posted(self) -> list[str]:
        """The text of every card the bot posted or updated, in order."""
        return [card_text(card) for card in self.capture.cards()]

    async def pending(self) -> list[Intent]:
        return await self.runtime.store.pending_intents(datetime.now().astimezone() + DAY)


DAY = timedelta(days=1)


@dataclass
class Tuning:
    """What a fault test's bot is started with; `start` starts one (again, after a stop)."""

    settings: Settings
    store: Store | None
    timer: FastTimer
    capture: ConnectorCapture
    service_url: str

    async def start(self) -> FaultyBot:
        runtime = build_runtime(
            self.settings, join_link_waits=(0.05, 0.1), store=self.store, timer=self.timer
        )
        server = TestServer(runtime.app, host="127.0.0.1")
        await server.start_server()
        url = str(server.make_url("")).rstrip("/")
        http = httpx.AsyncClient(timeout=30)
        return FaultyBot(url, http, runtime, self.capture, self.service_url, server)


@pytest.fixture
def tuning(
    settings: Settings,
    connector: tuple[ConnectorCapture, str],
    graph_timeout: float,
    graph_timer: FastTimer,
    bot_db: Path,
    bot_store: Store | None,
) -> Tuning:
    capture, service_url = connector
    tuned = replace(
        settings,
        turn_budget=TURN_BUDGET,
        background_budget=60.0,
        graph_timeout=graph_timeout,
        graph_max_retries=3,
        bot_db=bot_db,
    )
    return Tuning(tuned, bot_store, graph_timer, capture, service_url)


@pytest.fixture
async def faulty(tuning: Tuning) -> AsyncIterator[FaultyBot]:
    bot = await tuning.start()
    yield bot
    await bot.stop()


async def listed_and_cancelled(bot: FaultyBot, subject: str) -> None:
    """Nothing the bot cannot list or cancel: `my meetings` shows it, `cancel` cancels it."""
    await bot.say("my meetings")
    await bot.settled()
    assert subject in bot.posted()[-1]
    await bot.say(f"cancel {subject}")
    await bot.settled()
    assert "Cancelled" in bot.posted()[-1], bot.posted()[-1]
