"""How long a person waits: `meet now` through the whole bot, over real HTTP on loopback.

Run: .venv/bin/python bench/bench_turn.py [--messages 300] [--concurrency 1]

Starts the Graph emulator, a Bot Connector capture server and the bot in this process, posts
Teams-shaped `meet now` messages to /api/messages and prints the median, p99 and max time from
POST to the reply having reached the connector (the adapter answers after sending it), plus
the process's peak memory. Each message is a new activity, so each creates a meeting.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import httpx
from aiohttp.test_utils import TestServer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.runtime import build_runtime  # noqa: E402
from graph_emulator import EmulatorSettings, start_emulator  # noqa: E402
from tests.support.activities import message  # noqa: E402
from tests.support.connector import start_connector  # noqa: E402


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def run(messages: int, concurrency: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        emulator = await start_emulator(EmulatorSettings(db_path=f"{tmp}/graph.sqlite3"))
        capture, connector = await start_connector()
        settings = replace(
            load_settings({"LOCAL_MODE": "true"}),
            graph_base_url=emulator.base_url,
            bot_db=Path(tmp) / "bot.sqlite3",
        )
        bot = TestServer(build_runtime(settings).app, host="127.0.0.1")
        await bot.start_server()
        service_url = str(connector.make_url("")).rstrip("/")
        url = str(bot.make_url("/api/messages"))
        gate = asyncio.Semaphore(concurrency)
        timings: list[float] = []
        async with httpx.AsyncClient(timeout=30) as http:

            async def one(n: int) -> None:
                activity = message(f"meet now Bench {n}", service_url, activity_id=f"bench-{n}")
                async with gate:
                    started = time.perf_counter()
                    response = await http.post(url, json=activity)
                    timings.append(time.perf_counter() - started)
                response.raise_for_status()

            await one(-1)  # warm-up: first parse compiles the grammar
            timings.clear()
            await asyncio.gather(*(one(n) for n in range(messages)))
        assert len(capture.cards()) == messages + 1, "every message must have been answered"
        await bot.close()
        await connector.close()
        await emulator.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    timings = asyncio.run(run(args.messages, args.concurrency))
    ms = [t * 1000 for t in timings]
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"meet now turns: {len(ms)} (concurrency {args.concurrency})")
    print(f"POST -> reply sent, median: {statistics.median(ms):7.1f} ms")
    print(f"POST -> reply sent, p99:    {percentile(ms, 0.99):7.1f} ms")
    print(f"POST -> reply sent, max:    {max(ms):7.1f} ms")
    print(f"peak RSS of bot + emulator + capture: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
