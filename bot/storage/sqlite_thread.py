"""The SQLite store's own thread: work goes in through a queue, answers come back in batches.

Every statement of a SQLite store runs on one thread of its own (bot/storage/sqlite.py), 2-4
trips a turn. `loop.run_in_executor` on a one-thread ThreadPoolExecutor cost ~77 µs of CPU a
trip here: the executor's work item, its idle semaphore and queue, a concurrent Future chained
to an asyncio one, and a `call_soon_threadsafe` (a write to the loop's self-pipe) per answer.
This thread takes (work, future) from a SimpleQueue, and answers through one
`call_soon_threadsafe` for all the answers the loop has not picked up yet: under load, several
trips share one wake-up.

Kept from the executor: work runs in the order it was handed in, one piece at a time; work
whose caller was cancelled before it started is skipped, and work already started finishes
(its answer is dropped); an exception reaches the caller that handed the work in. `stop()`
lets what is queued run first, then ends the thread. The thread is a daemon: a store left
open does not hold the process at exit (a write whose caller was answered is committed).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
Waiter = asyncio.Future[Any] | concurrent.futures.Future[Any]
#: Work, the future its caller waits on, and the loop that caller runs on (None: no loop).
Job = tuple[Callable[[], Any], Waiter, asyncio.AbstractEventLoop | None]
Answer = tuple[asyncio.Future[Any], Any, BaseException | None]


class StoreThread:
    """One thread, started by the first piece of work."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._lock = threading.Lock()  # the answers, between this thread and the loops
        self._ready: dict[asyncio.AbstractEventLoop, list[Answer]] = {}

    @property
    def started(self) -> bool:
        return self._thread is not None

    async def run(self, work: Callable[[], T]) -> T:
        """`work()` on the thread; its result, or its exception, here."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._put((work, future, loop))
        return await future

    def call(self, work: Callable[[], T]) -> T:
        """`work()` on the thread, waited for from synchronous code (not from the loop)."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._put((work, future, None))
        return future.result()

    def stop(self, *, wait: bool = False) -> None:
        """End the thread once what is queued has run; `wait`: until it has ended."""
        with self._lock:
            self._stopped = True
            thread = self._thread
        if thread is None:
            return
        self._jobs.put(None)
        if wait and thread is not threading.current_thread():
            thread.join()

    def _put(self, job: Job) -> None:
        with self._lock:
            if self._stopped:
                raise RuntimeError(f"the thread {self._name} is stopped")
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, future, loop = job
            if loop is None:
                assert isinstance(future, concurrent.futures.Future)
                _run_waited(work, future)
                continue
            assert isinstance(future, asyncio.Future)
            if future.cancelled():  # its caller gave up before it started
                continue
            try:
                result = work()
            except BaseException as exc:  # the caller's to handle, whatever it is
                self._answer(loop, (future, None, exc))
            else:
                self._answer(loop, (future, result, None))

    def _answer(self, loop: asyncio.AbstractEventLoop, answer: Answer) -> None:
        """Queue the answer; wake the loop only if no wake-up is pending already."""
        with self._lock:
            ready = self._ready.setdefault(loop, [])
            ready.append(answer)
            wake = len(ready) == 1
        if wake:
            try:
                loop.call_soon_threadsafe(self._deliver, loop)
            except RuntimeError:  # that loop is closed: nobody waits for these any more
                with self._lock:
                    self._ready.pop(loop, None)

    def _deliver(self, loop: asyncio.AbstractEventLoop) -> None:
        """On the loop: every answer ready for it, in the order the work ran."""
        with self._lock:
            ready = self._ready.pop(loop, [])
        for future, result, error in ready:
            if future.cancelled():  # its caller gave up while it ran
                continue
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)


def _run_waited(work: Callable[[], Any], future: concurrent.futures.Future[Any]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = work()
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(result)
