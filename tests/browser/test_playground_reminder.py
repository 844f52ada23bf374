"""A message the bot starts itself, in the Agents Playground: the reminder before a meeting
arrives in the personal chat like any other card, with its Join button. The bot's clock and
job runner are the test's, so the reminder is due at once instead of in ten minutes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from playwright.async_api import expect

from bot.config import JobSettings, Settings
from bot.runtime import BotRuntime, build_runtime
from tests.browser.conftest import PLAYGROUND_TZ, playground_page
from tests.browser.playground import RunningPlayground
from tests.browser.playground_ui import PlaygroundUI
from tests.support.clock import Clock

BERLIN = ZoneInfo(PLAYGROUND_TZ)  # the playground's zone: "tomorrow 10am" is Berlin's
SUBJECT = "Reminder review"
REMINDER_MINUTES = 10


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
async def runtime(settings: Settings, bot_port: int, clock: Clock) -> AsyncIterator[BotRuntime]:
    """The bot on the playground's port, its job runner run by the test (no polling loop)."""
    jobs = JobSettings(reminder_minutes=REMINDER_MINUTES, poll_seconds=0)
    runtime = build_runtime(replace(settings, jobs=jobs), clock=clock)
    runner = web.AppRunner(runtime.app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", bot_port).start()
    try:
        yield runtime
    finally:
        await runner.cleanup()


@pytest.fixture
async def ui(playground: RunningPlayground, runtime: BotRuntime) -> AsyncIterator[PlaygroundUI]:
    async with playground_page(playground.url) as page:
        yield page


async def test_a_reminder_the_bot_sends_by_itself_appears_in_the_personal_chat(
    ui: PlaygroundUI, runtime: BotRuntime, clock: Clock
) -> None:
    await ui.open_chat("Personal Chat")
    await ui.send(f"schedule {SUBJECT} tomorrow 10am")
    await expect(ui.bot_cards(SUBJECT).last).to_be_visible()
    assert await runtime.jobs.run_due() == 0  # nothing due yet

    tomorrow = clock().astimezone(BERLIN).date() + timedelta(days=1)
    starts = datetime.combine(tomorrow, time(10), tzinfo=BERLIN)
    clock.set(starts - timedelta(minutes=REMINDER_MINUTES))
    assert await runtime.jobs.run_due() == 1

    reminder = ui.bot_cards("Starts in").last
    await expect(reminder).to_be_visible()
    await expect(reminder).to_contain_text(SUBJECT)
    await expect(ui.button(reminder, "Join")).to_be_visible()
