"""CPU per Graph call and per SQLite trip, this tree against another (`main` by default).

Run: .venv/bin/python bench/bench_io.py [--before main] [--rounds 5] [--calls 400]

The bot's own I/O layers, without the rest of the turn: the Graph client (httpx's API over
our aiohttp transport) against the Graph emulator, the SQLite store's hand-off to its thread,
its writes alone and under group commit, and what a `schedule` costs the meeting service
(one Graph call and the storage it does: intent, meeting, reminder). The emulator runs in
its own process, so the figures are the client's CPU only (every thread of the measuring
process: the SQLite thread's work counts). `--before` is exported with `git archive`, and
each round runs both trees in fresh processes, in alternating order; the table shows the
medians and after / before. The machine is shared: read the ratios, not the absolute µs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
USER_ID = "aaaaaaaa-0000-0000-0000-0000000000b1"
Step = Callable[[int], Awaitable[object]]


async def cpu_per_call(step: Step, calls: int, concurrency: int) -> float:
    """µs of the process's CPU per `step`, `concurrency` of them in flight (after a warm-up)."""
    for n in range(min(20, calls)):
        await step(-1 - n)

    async def lane(first: int) -> None:
        for n in range(first, calls, concurrency):
            await step(n)

    started = time.process_time()
    await asyncio.gather(*(lane(first) for first in range(concurrency)))
    return (time.process_time() - started) / calls * 1e6


async def graph_figures(graph_url: str, calls: int) -> dict[str, float]:
    from bot.graph.auth import StaticTokenProvider
    from bot.graph.client import GraphClient

    user = f"users/{USER_ID}"
    client = GraphClient(graph_url, StaticTokenProvider("bench"), max_retries=0)
    body = {"externalId": "bench-online", "subject": "Bench"}

    async def get(n: int) -> object:
        return await client.get_calendar(user)

    async def post(n: int) -> object:
        return await client.create_or_get_online_meeting(user, body)

    try:
        return {
            "graph GET calendar, c=1": await cpu_per_call(get, calls, 1),
            "graph POST createOrGet, c=1": await cpu_per_call(post, calls, 1),
            "graph POST createOrGet, c=8": await cpu_per_call(post, calls, 8),
        }
    finally:
        await client.aclose()


async def sqlite_figures(tmp: Path, calls: int) -> dict[str, float]:
    from bot.storage import Preferences
    from bot.storage.sqlite import SqliteStore

    store = SqliteStore(tmp / "bench.sqlite3")
    await store.open()
    db: Any = store._sqlite  # the hand-off itself, with nothing to do on the thread

    async def hop(n: int) -> object:
        return await db._run(lambda conn: None)

    async def read(n: int) -> object:
        return await store.preferences("t", "u")

    async def write(n: int) -> object:
        await store.save_preferences("t", f"u{n % 64}", Preferences(reminder_minutes=n))
        return n

    try:
        return {
            "sqlite trip (no work), c=1": await cpu_per_call(hop, calls * 10, 1),
            "sqlite trip (no work), c=8": await cpu_per_call(hop, calls * 10, 8),
            "sqlite read (preferences), c=1": await cpu_per_call(read, calls * 10, 1),
            "sqlite write (preferences), c=1": await cpu_per_call(write, calls * 2, 1),
            "sqlite write (preferences), c=8": await cpu_per_call(write, calls * 4, 8),
        }
    finally:
        await store.aclose()


async def schedule_figures(graph_url: str, tmp: Path, calls: int) -> dict[str, float]:
    """MeetingService.schedule_event as a `schedule` turn calls it: the event (one Graph call:
    the calendar's providers are remembered), the intent, the meeting, the reminder."""
    from bot.graph.auth import StaticTokenProvider
    from bot.graph.client import GraphClient
    from bot.meetings.model import Requester
    from bot.meetings.reminders import Reminders
    from bot.meetings.service import MeetingService
    from bot.storage.sqlite import SqliteStore

    store = SqliteStore(tmp / "schedule.sqlite3")
    await store.open()
    graph = GraphClient(graph_url, StaticTokenProvider("bench"), max_retries=0)
    reminders = Reminders(store, 15, lambda: datetime.now(UTC))
    service = MeetingService(graph, store, join_link_waits=(0.01,), reminders=reminders)
    who, zone = Requester(USER_ID, "bench-tenant", "Bench"), ZoneInfo("Europe/Berlin")
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    end, stamp = start + timedelta(minutes=30), time.time_ns()

    async def schedule(n: int) -> object:
        key = f"bench-{stamp}-{n}"
        return await service.schedule_event(who, "Budget review", start, end, [], zone, key)

    try:
        return {
            "schedule_event (Graph + storage), c=1": await cpu_per_call(schedule, calls, 1),
            "schedule_event (Graph + storage), c=8": await cpu_per_call(schedule, calls, 8),
        }
    finally:
        await graph.aclose()
        await store.aclose()


async def worker(graph_url: str, calls: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        figures = await graph_figures(graph_url, calls)
        figures |= await sqlite_figures(Path(tmp), calls)
        figures |= await schedule_figures(graph_url, Path(tmp), calls // 2)
    return figures


def export(ref: str, into: Path) -> Path:
    """`ref` of this repository as a plain tree (bot, cards: what the worker imports)."""
    archive = into / "before.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", ref, "bot", "cards"], cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "before", filter="data")
    return into / "before"


def run_worker(root: Path, graph_url: str, calls: int) -> dict[str, float]:
    argv = [sys.executable, __file__, "--worker", str(root), "--graph", graph_url]
    done = subprocess.run([*argv, "--calls", str(calls)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the worker for {root} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def emulator(port: int) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "graph_emulator", "--port", str(port), "--db", ":memory:"]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def table(runs: dict[str, list[dict[str, float]]], ref: str) -> str:
    names = list(runs["after"][0])
    lines = [f"{'µs of CPU per call (median)':44} {ref:>10} {'this tree':>10} {'after/before':>13}"]
    for name in names:
        before = statistics.median(r[name] for r in runs["before"])
        after = statistics.median(r[name] for r in runs["after"])
        lines.append(f"{name:44} {before:10.1f} {after:10.1f} {after / before:13.2f}")
    return "\n".join(lines)


def compare(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.load.procs import free_port, port_open

    port = free_port()
    server = emulator(port)
    try:
        while not asyncio.run(port_open(port)):
            time.sleep(0.05)
        graph_url = f"http://127.0.0.1:{port}/v1.0"
        with tempfile.TemporaryDirectory() as tmp:
            trees = {"before": export(args.before, Path(tmp)), "after": ROOT}
            runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
            for round_no in range(args.rounds):
                order = ["before", "after"] if round_no % 2 == 0 else ["after", "before"]
                for which in order:
                    runs[which].append(run_worker(trees[which], graph_url, args.calls))
                print(f"round {round_no + 1}/{args.rounds} done", file=sys.stderr, flush=True)
        print(table(runs, args.before))
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", default="main", help="the git ref to compare against")
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per tree")
    parser.add_argument("--calls", type=int, default=400, help="calls per figure and run")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)  # a tree's root
    parser.add_argument("--graph", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is None:
        compare(args)
        return
    sys.path.insert(0, str(args.worker.resolve()))
    print(json.dumps(asyncio.run(worker(args.graph, args.calls))))


if __name__ == "__main__":
    main()
