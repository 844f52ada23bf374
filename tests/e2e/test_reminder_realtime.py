"""One reminder in real time, on the wall clock and the background job loop: a meeting a little
over a minute ahead, a one-minute lead, and the card at the capture connector within 30 s of
its due time (here about ten seconds after the meeting is made)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import httpx
from aiohttp.test_utils import TestServer

from bot.config import JobSettings, Settings
from bot.runtime import build_runtime
from tests.support.activities import invoke
from tests.support.cardtext import card_text
from tests.support.connector import ConnectorCapture

LEAD = timedelta(minutes=1)
AHEAD = timedelta(seconds=70)


async def test_a_reminder_arrives_on_time_on_the_wall_clock(
    settings: Settings, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, service_url = connector
    settings = replace(settings, jobs=JobSettings(reminder_minutes=1, poll_seconds=0.5))
    runtime = build_runtime(settings, join_link_waits=(0.05,))
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    try:
        start = (datetime.now(UTC) + AHEAD).replace(microsecond=0)
        due = start - LEAD
        data = {
            "action": "create_standalone",
            "subject": "Wall clock sync",
            "start": start.isoformat(),
            "end": (start + timedelta(minutes=30)).isoformat(),
        }
        async with httpx.AsyncClient(timeout=10) as http:
            response = await http.post(
                f"{server.make_url('/api/messages')}", json=invoke(data, service_url)
            )
        assert response.status_code == 200, response.text
        reminders: list[str] = []
        deadline = time.monotonic() + (due - datetime.now(UTC)).total_seconds() + 30
        while not reminders and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            reminders = [card_text(c) for c in capture.cards() if "Starts in" in card_text(c)]
        arrived = datetime.now(UTC)
    finally:
        await server.close()

    assert reminders, "no reminder within 30 s of its due time"
    assert "Wall clock sync" in reminders[0]
    assert timedelta(seconds=-1) <= arrived - due <= timedelta(seconds=30)
    assert len(reminders) == 1
