"""The cycle collector around `meeting-bot serve`'s start-up: off while it imports, back on
as the port opens with start-up frozen, and start-up's garbage collected once it settles."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

import bot.__main__
import bot.cli
from bot import collector, runtime
from bot.config import load_settings
from tests.support.ports import free_port


class _Node:
    """A piece of garbage only the cycle collector can free."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[None]:
    """Each test leaves the collector as it found it: on, nothing frozen, same thresholds."""
    thresholds = gc.get_threshold()
    yield
    collector._StartUp.paused = False
    gc.unfreeze()
    gc.enable()
    gc.set_threshold(*thresholds)


def test_start_up_runs_without_the_collector_and_resumes_with_start_up_frozen() -> None:
    collector.pause_for_start_up()
    assert not gc.isenabled()
    made_at_start_up = weakref.ref(_Node())

    frozen = gc.get_freeze_count()
    collector.resume_after_start_up()
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen
    assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD
    gc.collect()
    assert made_at_start_up() is not None  # frozen: kept out of the collector's way for now

    collector.resume_after_start_up()  # a second resume is nothing
    assert gc.isenabled()


def test_a_process_that_never_paused_is_left_alone() -> None:
    frozen, thresholds = gc.get_freeze_count(), gc.get_threshold()
    collector.resume_after_start_up()
    assert gc.isenabled()
    assert (gc.get_freeze_count(), gc.get_threshold()) == (frozen, thresholds)


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    frozen = gc.get_freeze_count()
    gc.disable()
    collector.pause_for_start_up()
    collector.resume_after_start_up()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_start_up_garbage_is_collected_once_start_up_settles() -> None:
    collector.pause_for_start_up()
    garbage = weakref.ref(_Node())
    collector.resume_after_start_up()
    collector.freeze_long_lived()
    assert garbage() is None  # collected, not kept for good
    assert gc.get_freeze_count() > 0  # what lives on is frozen again
    assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD


def test_only_serve_pauses_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, bool] = {}

    def command_line(argv: list[str]) -> int:
        seen[argv[0]] = gc.isenabled()
        return 0

    monkeypatch.setattr(bot.cli, "main", command_line)
    assert bot.__main__.main(["parse", "meet now"]) == 0
    assert bot.__main__.main(["serve", "--port", "1"]) == 0
    assert seen == {"parse": True, "serve": False}


async def test_serve_turns_the_collector_back_on_as_its_port_opens(tmp_path: Path) -> None:
    port = free_port()
    settings = load_settings(
        {
            "BOT_DB": str(tmp_path / "bot.db"),
            "EMULATOR_DB": str(tmp_path / "emulator.db"),
            "PORT": str(port),
            "EMULATOR_PORT": str(free_port()),
        }
    )
    collector.pause_for_start_up()
    ready = asyncio.Event()
    serving = asyncio.create_task(runtime.serve(settings, ready))
    try:
        await asyncio.wait_for(ready.wait(), 30)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{port}/healthz") as answer,
        ):
            assert answer.status == 200
    finally:
        serving.cancel()
        await asyncio.gather(serving, return_exceptions=True)
