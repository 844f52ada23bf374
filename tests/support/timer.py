"""A clock for Graph's waits that runs fast: a Retry-After of 19 s takes a fraction of a second,
while the deadline still counts the full 19 s. HTTP calls take their real time."""

from __future__ import annotations

import asyncio
import time


class FastTimer:
    """`sleep(s)` waits `s * scale` real seconds and moves `now()` on by the full `s`."""

    def __init__(self, scale: float = 0.0) -> None:
        self.scale = scale
        self.skipped = 0.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return time.monotonic() + self.skipped

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        real = seconds * self.scale
        self.skipped += seconds - real
        await asyncio.sleep(real)
