"""Chromium, the card renderer page and the Agents Playground as pytest fixtures.

Every test under tests/browser gets the `browser` marker. Missing prerequisites skip the tests
with the reason (or fail them when REQUIRE_BROWSER_TESTS=1, as in CI).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web
from playwright.async_api import async_playwright, expect

from bot.config import Settings
from bot.runtime import build_runtime
from tests.browser.chromium import guard_network, launch_chromium
from tests.browser.playground import RunningPlayground, free_port, run_playground
from tests.browser.playground_ui import PlaygroundUI
from tests.browser.prereqs import (
    PLAYGROUND_PACKAGES,
    RENDERER_PACKAGES,
    chromium_path,
    missing_chromium,
    missing_node,
    missing_packages,
    require,
)
from tests.browser.render import CardRenderer, static_server

HERE = Path(__file__).resolve().parent
#: The playground's process zone and the browser's zone: what the bot sees as the user's.
PLAYGROUND_TZ = "Europe/Berlin"
#: Bot round trips (playground -> bot -> Graph emulator -> playground) on a busy 2-core runner.
UI_TIMEOUT_MS = 15_000

expect.set_options(timeout=UI_TIMEOUT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def renderer_ready() -> None:
    require(missing_chromium() + missing_packages(RENDERER_PACKAGES))


@pytest.fixture(scope="session")
def playground_ready() -> None:
    require(missing_chromium() + missing_node() + missing_packages(PLAYGROUND_PACKAGES))


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def render_card(renderer_ready: None) -> AsyncIterator[CardRenderer]:
    """One Chromium page with tools/render/index.html, served from loopback, for all renders."""
    async with static_server() as url, async_playwright() as playwright:
        browser = await launch_chromium(playwright, chromium_path())
        context = await browser.new_context(viewport={"width": 800, "height": 600})
        await guard_network(context)
        page = await context.new_page()
        await page.goto(url)
        await page.wait_for_function("typeof window.renderCard === 'function'")
        try:
            yield CardRenderer(page)
        finally:
            await context.close()
            await browser.close()


@pytest.fixture(scope="session")
def bot_port() -> int:
    """Fixed for the session: the playground is told the bot endpoint when it starts."""
    return free_port()


@pytest.fixture(scope="module")
def playground(
    playground_ready: None, bot_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningPlayground]:
    with run_playground(
        tmp_path_factory.mktemp("playground"), bot_port=bot_port, tz=PLAYGROUND_TZ
    ) as running:
        yield running


@pytest.fixture
async def playground_bot(settings: Settings, bot_port: int) -> AsyncIterator[str]:
    """The bot app (Graph emulator behind it) on the port the playground posts to."""
    runner = web.AppRunner(build_runtime(settings).app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", bot_port).start()
    try:
        yield f"http://127.0.0.1:{bot_port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def playground_page(url: str) -> AsyncIterator[PlaygroundUI]:
    """The playground's web UI in Chromium, in the playground's zone, offline but for loopback."""
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright, chromium_path())
        context = await browser.new_context(
            viewport={"width": 1280, "height": 800}, timezone_id=PLAYGROUND_TZ, locale="en-US"
        )
        context.set_default_timeout(UI_TIMEOUT_MS)
        network = await guard_network(context)
        page = await context.new_page()
        await page.goto(url)
        try:
            yield PlaygroundUI(page, network)
        finally:
            await context.close()
            await browser.close()


@pytest.fixture
async def playground_ui(
    playground: RunningPlayground, playground_bot: str
) -> AsyncIterator[PlaygroundUI]:
    async with playground_page(playground.url) as ui:
        yield ui
