"""The load bench's harness: processes, the connector stand-in, the timing and the ratios."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bench.load.driver import RunResult, Services, graph_route, messages, run_load
from bench.load.procs import (
    CLOCK_TICKS,
    HOST,
    Child,
    cpu_seconds,
    free_port,
    start,
    tick_seconds,
    wait_for_port,
)
from bench.load.report import load_table, paired_ratio

ROOT = Path(__file__).resolve().parents[3]


def _python(*argv: str) -> list[str]:
    return [sys.executable, *argv]


@pytest.fixture
async def floor(tmp_path: Path) -> AsyncIterator[tuple[Services, Child]]:
    """Emulator, connector stand-in and the botbuilder floor, each in its own process."""
    emulator_port, standin_port, floor_port = free_port(), free_port(), free_port()
    graph = f"http://{HOST}:{emulator_port}"
    children = [
        start("emulator", _python("-m", "graph_emulator", "--port", str(emulator_port)),
              emulator_port, tmp_path, {}, ROOT),
        start("connector", _python("bench/connector_standin.py", "--port", str(standin_port)),
              standin_port, tmp_path, {}, ROOT),
        start("botbuilder", _python("bench/floors/botbuilder_floor.py", "--port",
              str(floor_port), "--graph", f"{graph}/v1.0"), floor_port, tmp_path, {}, ROOT),
    ]  # fmt: skip
    try:
        for child in children:
            await wait_for_port(child, seconds=30)
        async with aiohttp.ClientSession() as http:
            yield Services(http, f"http://{HOST}:{standin_port}", graph), children[2]
    finally:
        for child in children:
            child.stop()


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("meet now", "POST /v1.0/users/{id}/onlineMeetings/createOrGet"),
        ("schedule Budget review tomorrow 3pm", "POST /v1.0/users/{id}/events"),
    ],
    ids=["meet-now", "schedule"],
)
async def test_every_message_is_timed_to_its_card_at_the_connector(
    floor: tuple[Services, Child], text: str, route: str
) -> None:
    services, bot = floor
    batch = messages(text, services.standin, "test", 4, users=2)
    result = await run_load(services.http, services, bot, batch, concurrency=2)
    assert result.answered == 4, bot.tail()
    assert result.http_errors == 0
    assert result.graph_routes == Counter({route: 4})
    assert len(result.latencies_ms) == 4
    assert all(ms > 0 for ms in result.latencies_ms)
    assert result.replies_per_s > 0
    assert result.rss_mib > 10


def _run(replies_per_s: float, cpu_ms_per_turn: float) -> RunResult:
    return RunResult(
        sent=10,
        answered=10,
        http_errors=0,
        seconds=10 / replies_per_s,
        latencies_ms=[5.0] * 10,
        cpu_ms=cpu_ms_per_turn * 10,
        rss_mib=80.0,
        peak_mib=90.0,
        graph_routes=Counter({"POST /v1.0/users/{id}/events": 10}),
    )


def test_ratio_is_the_median_of_back_to_back_pairs() -> None:
    # Drift that moves both bots together cancels within a pair.
    assert paired_ratio([10, 20, 40], [20, 40, 80]) == 0.5
    assert math.isnan(paired_ratio([], []))


def test_table_has_a_ratio_row_per_floor() -> None:
    cells = {8: {"project": [_run(50, 10)], "botbuilder": [_run(100, 5)]}}
    lines = load_table("meet now", cells, ["project", "botbuilder"])
    ratio = next(line for line in lines if "÷ botbuilder" in line).split()
    # replies/s, p50, p99, CPU ms/turn, RSS, Graph calls per turn
    assert ratio[-6:] == ["0.50", "1.00", "1.00", "2.00", "1.00", "1.00"]


def test_graph_routes_drop_ids() -> None:
    entry = {"method": "GET", "path": "/v1.0/users/0000-aa/events/AAMk=="}
    assert graph_route(entry) == "GET /v1.0/users/{id}/events/{id}"


def _burn(seconds: float) -> None:
    until = time.process_time() + seconds
    while time.process_time() < until:
        pass


def test_cpu_time_of_a_process_is_read_to_well_under_a_tick() -> None:
    """37 ms of work reads as 37 ms (ticks would say 30 or 40), threads that ended included."""
    before, own = cpu_seconds(os.getpid()), time.process_time()
    worker = threading.Thread(target=_burn, args=(0.025,))
    worker.start()
    worker.join()
    _burn(0.012)
    spent = time.process_time() - own
    assert spent >= 0.037
    assert cpu_seconds(os.getpid()) - before == pytest.approx(spent, abs=0.002)


def test_another_process_s_cpu_time_agrees_with_its_ticks() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import time\nt = time.process_time() + 0.2\n"
         "while time.process_time() < t: pass\ninput()"],
        stdin=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while tick_seconds(child.pid) < 0.2 and time.monotonic() < deadline:
            time.sleep(0.01)
        precise, ticks = cpu_seconds(child.pid), tick_seconds(child.pid)
        assert precise >= 0.2
        assert precise == pytest.approx(ticks, abs=2 / CLOCK_TICKS)
    finally:
        child.communicate(b"\n", timeout=10)


def test_cold_starts_are_counted_apart_from_the_load_repeats() -> None:
    from bench.bench_load import parse_args

    args = parse_args(["--repeats", "2"])
    assert (args.repeats, args.cold_starts) == (2, 9)
    assert parse_args(["--cold-starts", "3"]).cold_starts == 3
    with pytest.raises(SystemExit):
        parse_args(["--cold-starts", "0"])
