"""A bot whose clock and job runner the test drives: no background loop, no waiting."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestServer

from bot.config import JobSettings, Settings
from bot.graph.auth import TokenProvider
from bot.runtime import BotRuntime, build_runtime
from tests.support.activities import message
from tests.support.cardtext import card_text
from tests.support.clock import Clock
from tests.support.connector import ConnectorCapture

#: A Wednesday, 10:00 in Berlin (the sender's zone in tests.support.activities).
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
REMINDER = "Starts in"


def said(card: dict[str, Any]) -> str:
    """The card's text, with Babel's narrow no-break spaces ("3:00\u202fPM") as spaces."""
    return card_text(card).replace("\u202f", " ")


@dataclass
class NoticeBot:
    runtime: BotRuntime
    clock: Clock
    capture: ConnectorCapture
    service_url: str
    url: str
    http: httpx.AsyncClient

    async def say(self, text: str, **kw: Any) -> dict[str, Any]:
        """Type `text`; the card the bot answers with."""
        before = len(self.capture.cards())
        response = await self.http.post(
            f"{self.url}/api/messages", json=message(text, self.service_url, **kw)
        )
        assert response.status_code in (200, 201), response.text
        cards = self.capture.cards()
        assert len(cards) == before + 1, cards[before:]
        return cards[-1]

    async def post(self, activity: dict[str, Any]) -> httpx.Response:
        return await self.http.post(f"{self.url}/api/messages", json=activity)

    async def at(self, when: datetime) -> list[dict[str, Any]]:
        """Move the clock to `when`, run what is due; the cards posted by the bot meanwhile."""
        before = len(self.capture.cards())
        self.clock.set(when)
        await self.runtime.jobs.run_due()
        return self.capture.cards()[before:]


@pytest.fixture
def notice_tokens() -> TokenProvider | None:
    """The bot's Graph tokens (None: the emulator's own); a test module may override it."""
    return None


@pytest.fixture
async def notice_bot(
    settings: Settings,
    connector: tuple[ConnectorCapture, str],
    notice_tokens: TokenProvider | None,
) -> AsyncIterator[NoticeBot]:
    clock = Clock(WEDNESDAY)
    settings = replace(settings, jobs=JobSettings(reminder_minutes=10, poll_seconds=0))
    runtime = build_runtime(
        settings, tokens=notice_tokens, clock=clock, join_link_waits=(0.05, 0.1)
    )
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    capture, service_url = connector
    async with httpx.AsyncClient(timeout=10) as http:
        url = str(server.make_url("")).rstrip("/")
        yield NoticeBot(runtime, clock, capture, service_url, url, http)
    await server.close()
