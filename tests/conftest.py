"""The shared real servers (emulator, Bot Connector capture, the bot) as fixtures for every test,
on the event loop `meeting-bot serve` runs on."""

from __future__ import annotations

import asyncio

import pytest

from bot.event_loop import LoopFactory, loop_factory

pytest_plugins = ["tests.support.servers", "tests.support.faulty", "tests.support.notices"]


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, LoopFactory]:
    """Every async test and fixture runs on serve's loop (bot/event_loop.py): uvloop where it
    is installed, asyncio's own otherwise, so what the tests check is what runs."""
    return {"serve_loop": loop_factory() or asyncio.new_event_loop}
