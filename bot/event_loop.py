"""The event loop `meeting-bot serve` runs on: uvloop where it is installed (a dependency on
Linux and macOS), asyncio's own loop otherwise (Windows, or uvloop uninstalled to rule it out).

uvloop is asyncio's API with the loop's own work (ready callbacks, timers, socket reads and
writes) in C on libuv; under cachegrind a `schedule` turn (one Graph call, one reply through
the Bot Connector, two store writes) runs ~5.5% fewer instructions on it. Nothing in the bot
depends on which loop runs it: aiohttp, httpx, signals, `asyncio.to_thread` and the store's
thread (`call_soon_threadsafe`) behave the same on both.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
LoopFactory = Callable[[], asyncio.AbstractEventLoop]


def loop_factory(module: str = "uvloop") -> LoopFactory | None:
    """uvloop's `new_event_loop`, or None (asyncio's default loop) when it cannot be imported."""
    try:
        uvloop = importlib.import_module(module)
    except ImportError:
        return None
    factory: LoopFactory = uvloop.new_event_loop
    return factory


def run(main: Coroutine[Any, Any, T], *, factory: LoopFactory | None = None) -> T:
    """`asyncio.run(main)` on the loop `factory` makes (by default `loop_factory()`'s)."""
    chosen = factory if factory is not None else loop_factory()
    with asyncio.Runner(loop_factory=chosen) as runner:
        log.debug("Event loop: %s", type(runner.get_loop()).__module__)
        return runner.run(main)
