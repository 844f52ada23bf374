"""How long a request's Graph calls may still take, all retries included.

The conversation opens a deadline for each turn's work (`within`); the client reads it
(`current`) to cut each attempt's timeout to what is left and to wait out a Retry-After only
while it fits. The deadline lives in a ContextVar, so a turn's background continuation keeps
its own and no call site passes it along.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol


class Timer(Protocol):
    """A monotonic clock and a way to wait on it (tests skip the long waits)."""

    def now(self) -> float: ...
    async def sleep(self, seconds: float) -> None: ...


class RealTimer:
    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


REAL_TIME = RealTimer()


@dataclass(frozen=True)
class Deadline:
    """The moment by which a turn's Graph calls must be done, on `timer`'s clock."""

    at: float
    timer: Timer

    def remaining(self) -> float:
        return self.at - self.timer.now()


_CURRENT: ContextVar[Deadline | None] = ContextVar("graph_deadline", default=None)


@contextlib.contextmanager
def within(seconds: float, timer: Timer = REAL_TIME) -> Iterator[Deadline]:
    """Graph calls made inside (and in tasks started inside) end within `seconds`."""
    deadline = Deadline(timer.now() + seconds, timer)
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)


def current() -> Deadline | None:
    return _CURRENT.get()
