"""The parser's warm-up waits for start-up to settle and for running turns, so a message that
arrives as the port opens does not share the interpreter with compiling every language."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot import runtime
from bot.conversation.background import Background


async def test_the_warm_up_waits_for_the_turns_running(monkeypatch: pytest.MonkeyPatch) -> None:
    warmed = threading.Event()
    monkeypatch.setattr(runtime, "WARM_UP_AFTER", 0.0)
    monkeypatch.setattr(runtime, "warm_up", warmed.set)
    background = Background()
    turn_may_end = asyncio.Event()
    turn = background.start(turn_may_end.wait(), "a turn")

    warming = asyncio.create_task(runtime._warm_parser(background))
    await asyncio.sleep(0.05)
    assert not warmed.is_set()  # a turn is running

    turn_may_end.set()
    await turn
    await asyncio.wait_for(warming, 5)
    assert warmed.is_set()


async def test_a_failed_warm_up_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("no grammar today")

    monkeypatch.setattr(runtime, "WARM_UP_AFTER", 0.0)
    monkeypatch.setattr(runtime, "warm_up", broken)
    await runtime._warm_parser(Background())
    assert "Parser warm-up failed" in caplog.text


async def test_start_up_is_set_aside_after_the_warm_up(monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []
    monkeypatch.setattr(runtime, "WARM_UP_AFTER", 0.0)
    monkeypatch.setattr(runtime, "warm_up", lambda: steps.append("warm-up"))
    monkeypatch.setattr(runtime, "freeze_long_lived", lambda: steps.append("freeze"))
    await runtime._after_start_up(Background())
    assert steps == ["warm-up", "freeze"]
