"""Work that outlives its turn's HTTP answer, tracked so that none is lost silently.

Every task started here is kept until it ends. On shutdown (`close`, from the app's cleanup)
running work gets a grace period, then is cancelled; each piece of work handles its own
cancellation by posting an explanation, and what still does not end is logged by count.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Background:
    def __init__(self, grace: float = 5.0) -> None:
        self.grace = grace  # how long running work may go on once shutdown begins
        self._tasks: set[asyncio.Task[Any]] = set()
        self._loops: set[asyncio.Task[Any]] = set()

    def start(self, work: Coroutine[Any, Any, T], name: str) -> asyncio.Task[T]:
        """A turn's work: waited for on shutdown, then cancelled."""
        return self._track(self._tasks, asyncio.create_task(work, name=name))

    def loop(self, work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        """A loop that runs until shutdown (the reconciler): cancelled first, not waited for."""
        return self._track(self._loops, asyncio.create_task(work, name=name))

    @staticmethod
    def _track(tasks: set[asyncio.Task[Any]], task: asyncio.Task[T]) -> asyncio.Task[T]:
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return task

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def idle(self) -> None:
        """Until no turn's work is running (tests wait for late results with it)."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def close(self, explain_within: float = 5.0) -> None:
        """Let running work finish within `grace` seconds, then cancel it and give each
        `explain_within` seconds to post its explanation."""
        grace = self.grace
        for task in set(self._loops):
            task.cancel()
        if not self._tasks:
            return
        log.info("Waiting up to %gs for %d background task(s)", grace, len(self._tasks))
        _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            _, stuck = await asyncio.wait(pending, timeout=explain_within)
            if stuck:
                log.error("%d background task(s) did not end on shutdown", len(stuck))
