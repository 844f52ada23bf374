"""The SQLite store's hand-off to its thread: order, errors, cancellation, answers that share a
wake-up, and closing with work still queued (the store refuses what comes after)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot.storage import StorageUnavailable
from bot.storage.sqlite import SqliteDatabase
from bot.storage.sqlite_thread import StoreThread


@pytest.fixture
async def thread() -> AsyncIterator[StoreThread]:
    made = StoreThread("test-store")
    yield made
    made.stop(wait=True)


def gate() -> tuple[threading.Event, Callable[[], str]]:
    """Work that holds the thread until the event is set."""
    release = threading.Event()

    def held() -> str:
        assert release.wait(10), "never released"
        return "held"

    return release, held


async def test_work_runs_in_the_order_it_was_handed_in_on_one_thread(thread: StoreThread) -> None:
    ran: list[tuple[int, str]] = []

    def note(n: int) -> int:
        ran.append((n, threading.current_thread().name))
        return n * n

    results = await asyncio.gather(*(thread.run(partial(note, n)) for n in range(50)))

    assert results == [n * n for n in range(50)]
    assert ran == [(n, "test-store") for n in range(50)]


async def test_an_exception_reaches_its_caller_and_the_others_are_answered(
    thread: StoreThread,
) -> None:
    def fail() -> None:
        raise sqlite3.IntegrityError("UNIQUE constraint failed")

    outcomes = await asyncio.gather(
        thread.run(lambda: 1), thread.run(fail), thread.run(lambda: 3), return_exceptions=True
    )

    assert outcomes[0] == 1
    assert outcomes[2] == 3
    assert isinstance(outcomes[1], sqlite3.IntegrityError)


async def test_work_cancelled_before_it_started_never_runs(thread: StoreThread) -> None:
    """As with run_in_executor: a caller that gave up first costs the store nothing."""
    release, held = gate()
    ran: list[str] = []
    first = asyncio.ensure_future(thread.run(held))
    later = asyncio.ensure_future(thread.run(lambda: ran.append("later")))
    await asyncio.sleep(0.05)

    later.cancel()
    release.set()

    assert await first == "held"
    assert await thread.run(lambda: "after") == "after"
    assert later.cancelled()
    assert ran == []


async def test_work_cancelled_while_it_runs_finishes_and_its_answer_is_dropped(
    thread: StoreThread,
) -> None:
    release, held = gate()
    running = asyncio.ensure_future(thread.run(held))
    await asyncio.sleep(0.05)

    running.cancel()
    release.set()

    assert await thread.run(lambda: "next") == "next"
    assert running.cancelled()


async def test_answers_ready_together_share_one_wake_up_of_the_loop(
    thread: StoreThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = asyncio.get_running_loop()
    wake_ups: list[Any] = []
    real = loop.call_soon_threadsafe

    def counted(callback: Callable[..., Any], *args: Any) -> asyncio.Handle:
        wake_ups.append(callback)
        return real(callback, *args)

    monkeypatch.setattr(loop, "call_soon_threadsafe", counted)
    release, held = gate()
    blocked = asyncio.ensure_future(thread.run(held))
    others = [asyncio.ensure_future(thread.run(partial(int, n))) for n in range(20)]
    await asyncio.sleep(0.05)  # all of them queued behind the held one

    release.set()
    threading.Event().wait(0.2)  # the loop is busy meanwhile: the thread answers them all

    assert await blocked == "held"
    assert await asyncio.gather(*others) == list(range(20))
    assert 1 <= len(wake_ups) < 21


async def test_synchronous_callers_wait_for_their_answer(thread: StoreThread) -> None:
    await thread.run(lambda: None)  # started from the loop

    outcome = await asyncio.to_thread(thread.call, lambda: threading.current_thread().name)

    assert outcome == "test-store"


async def test_a_stopped_thread_takes_nothing_more(thread: StoreThread) -> None:
    await thread.run(lambda: None)
    thread.stop(wait=True)

    with pytest.raises(RuntimeError, match="stopped"):
        await thread.run(lambda: None)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[SqliteDatabase]:
    db = SqliteDatabase(tmp_path / "t.sqlite3")
    await db.open()
    yield db
    await db.aclose()


async def test_closing_lets_queued_work_finish_and_refuses_later_work(
    database: SqliteDatabase,
) -> None:
    """Work handed to the thread before aclose() runs (a write is committed); a write still
    waiting in the group commit, and anything after, is refused; nothing hangs."""
    statement = "INSERT INTO done_actions (action_key, done_at) VALUES (?, '')"
    release, held = gate()
    holding = asyncio.ensure_future(database._run(lambda conn: held()))
    first = asyncio.ensure_future(database.execute(statement, ("a",)))
    await asyncio.sleep(0.05)  # its transaction is queued behind the held work
    queued = asyncio.ensure_future(database.execute(statement, ("b",)))  # waits for "a"'s
    reading = asyncio.ensure_future(database.fetch("SELECT action_key FROM done_actions"))
    await asyncio.sleep(0.05)
    closing = asyncio.ensure_future(database.aclose())
    await asyncio.sleep(0.05)

    release.set()
    await closing
    outcomes = await asyncio.gather(holding, first, queued, reading, return_exceptions=True)

    assert list(outcomes[:2]) == ["held", 1]
    assert isinstance(outcomes[2], StorageUnavailable)
    assert outcomes[3] == [("a",)]
    with pytest.raises(StorageUnavailable, match="closed"):
        await database.fetch("SELECT 1")
    reopened = SqliteDatabase(database.path)
    assert await reopened.fetch("SELECT action_key FROM done_actions") == [("a",)]
    await reopened.aclose()


async def test_closing_from_synchronous_code_waits_for_the_thread(tmp_path: Path) -> None:
    db = SqliteDatabase(tmp_path / "t.sqlite3")
    await db.open()

    await asyncio.to_thread(db.close)

    with pytest.raises(StorageUnavailable, match="closed"):
        await db.fetch("SELECT 1")
