"""`meeting-bot serve` runs on uvloop where it is installed, and on asyncio's loop otherwise."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.event_loop import loop_factory, run
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[3]
needs_uvloop = pytest.mark.skipif(sys.platform == "win32", reason="uvloop has no Windows build")


async def _loop_module() -> str:
    await asyncio.sleep(0)
    return type(asyncio.get_running_loop()).__module__


@needs_uvloop
def test_serve_s_loop_is_uvloop_where_installed() -> None:
    assert run(_loop_module()) == "uvloop"


def test_without_uvloop_asyncio_s_own_loop_runs() -> None:
    assert loop_factory("bot.no_such_event_loop") is None
    assert run(_loop_module(), factory=asyncio.new_event_loop).startswith("asyncio")


def test_what_the_coroutine_returns_or_raises_comes_back() -> None:
    async def fails() -> None:
        raise LookupError("no such meeting")

    with pytest.raises(LookupError, match="no such meeting"):
        run(fails())


@needs_uvloop
def test_the_served_bot_says_its_loop_and_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    env = dict(
        os.environ,
        LOCAL_MODE="false",
        GRAPH_BASE_URL="http://127.0.0.1:9/v1.0",
        BOT_DB=str(tmp_path / "bot.sqlite3"),
        LOG_LEVEL="DEBUG",
    )
    command = [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    ) as process:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the bot did not listen within 30 s"
                time.sleep(0.1)
        assert ready.json() == {"status": "ready"}
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Event loop: uvloop" in err
    assert "Traceback" not in err


@needs_uvloop
async def test_the_tests_themselves_run_on_serve_s_loop() -> None:
    """tests/conftest.py: what the async tests check is what runs in production."""
    assert await _loop_module() == "uvloop"
