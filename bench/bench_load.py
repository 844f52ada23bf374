"""The project's bot against two floors, under the same load, each in its own process.

Run: .venv/bin/python bench/bench_load.py     (the short run of `make bench`, ~4 min)
A longer one: ... --repeats 5 --messages 200 --per-worker 4 --delayed-concurrency
See --help for the rest (--bots, --commands, --users, --project-root DIR, --logs DIR).

Starts the Graph emulator, a Bot Connector stand-in (bench/connector_standin.py), the project's
bot (`meeting-bot serve`, LOCAL_MODE=false, no credentials, Graph = the emulator) and two
floors doing the same single Graph call and replying with a small card: botbuilder's
CloudAdapter (bench/floors/botbuilder_floor.py) and the Microsoft 365 Agents SDK
(bench/floors/agents_floor.py, skipped with the reason when the `bench` extra is missing).

The source trees the bots run from are byte-compiled first (procs.precompile), as an installed
package is. Each bot is cold-started `--cold-starts` times, the bots taking turns (spawn ->
first reply at the connector), each start alone on the machine; the last start then takes
`--burst` (200) concurrent conversations for the RSS they leave. Then for each connector delay,
command and concurrency, the bots take turns (the order rotating every repeat) at the same load
of distinct conversations, and the table shows each bot's medians and the ratio project / floor
per figure: the median over repeats of the two runs done back to back, the figure that counts
on a busy machine.
Ratios above 1 are better for replies/s, below 1 for everything else.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load.bots import (  # noqa: E402
    AGENTS,
    BOTS,
    agents_missing,
    bot_argv,
    child_env,
    command_text,
)
from bench.load.driver import Message, RunResult, Services, messages, run_load  # noqa: E402
from bench.load.procs import (  # noqa: E402
    HOST,
    Child,
    cpu_seconds,
    free_port,
    memory_mib,
    now_ns,
    precompile,
    start,
    until_idle,
    wait_for_port,
)
from bench.load.report import (  # noqa: E402
    PROJECT,
    StartUp,
    graph_breakdown,
    load_table,
    startup_table,
)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32, 128])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each bot per cell")
    parser.add_argument(
        "--cold-starts",
        type=int,
        default=9,
        help="cold starts of each bot (a second each; one varies by ±20%% on a busy machine)",
    )
    parser.add_argument("--messages", type=int, default=24, help="messages per run, at least")
    parser.add_argument(
        "--per-worker", type=int, default=1, help="messages per concurrent sender, at least"
    )
    parser.add_argument(
        "--connector-delay-ms",
        type=float,
        nargs="+",
        default=[0.0, 100.0],
        help="Bot Connector reply delays to run (the real one takes ~100 ms)",
    )
    parser.add_argument(
        "--delayed-concurrency",
        type=int,
        nargs="*",
        default=[8, 32],
        help="concurrencies for the non-zero delays (given empty: those of --concurrency)",
    )
    parser.add_argument(
        "--commands", nargs="+", choices=("meet-now", "schedule"), default=["meet-now", "schedule"]
    )
    parser.add_argument("--subject", default="Budget review", help="for `schedule`")
    parser.add_argument("--bots", nargs="+", choices=BOTS, default=list(BOTS))
    parser.add_argument("--users", type=int, default=16, help="senders the conversations share")
    parser.add_argument("--burst", type=int, default=200, help="concurrent conversations for RSS")
    parser.add_argument("--warmup", type=int, default=8, help="messages per bot before a command")
    parser.add_argument("--emulator-db", default=":memory:", help="the emulator's SQLite file")
    parser.add_argument("--logs", type=Path, help="keep the processes' logs here")
    parser.add_argument(
        "--project-root",
        type=Path,
        help="run the project's bot from this source tree (e.g. a commit exported with "
        "`git archive`) instead of the installed `meeting-bot`",
    )
    args = parser.parse_args(argv)
    counts = (args.repeats, args.cold_starts, *args.concurrency, *(args.delayed_concurrency or []))
    if min(counts) < 1:
        parser.error("--repeats, --cold-starts and every concurrency must be at least 1")
    if args.messages < 1:
        parser.error("--messages must be at least 1")
    return args


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Bench:
    """The processes, the load session, and everything measured so far."""

    def __init__(self, args: argparse.Namespace, tmp: Path, logs: Path) -> None:
        self.args = args
        self.tmp = tmp
        self.logs = logs
        self.children: list[Child] = []
        self.bots: dict[str, Child] = {}
        self.skipped: dict[str, str] = {}
        self.starts: dict[str, list[StartUp]] = defaultdict(list)
        self.cells: dict[tuple[float, str], dict[int, dict[str, list[RunResult]]]] = {}
        self.routes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.turns: Counter[tuple[str, str]] = Counter()
        self.run_no = 0
        self.graph = ""
        self.service_url = ""

    async def start_services(self, http: aiohttp.ClientSession) -> Services:
        emulator_port, standin_port = free_port(), free_port()
        emulator = start(
            "emulator",
            [sys.executable, "-m", "graph_emulator", "--host", HOST, "--port", str(emulator_port),
             "--db", self.args.emulator_db],
            emulator_port, self.logs, child_env(), ROOT,
        )  # fmt: skip
        delay = str(self.args.connector_delay_ms[0])
        standin = start(
            "connector",
            [sys.executable, str(ROOT / "bench/connector_standin.py"), "--port",
             str(standin_port), "--delay-ms", delay],
            standin_port, self.logs, child_env(), ROOT,
        )  # fmt: skip
        self.children += [emulator, standin]
        await wait_for_port(emulator)
        await wait_for_port(standin)
        control = f"http://{HOST}:{emulator_port}"
        self.graph = f"{control}/v1.0"
        self.service_url = f"http://{HOST}:{standin_port}"
        return Services(http, self.service_url, control)

    def batch(self, bot: str, command: str, count: int) -> list[Message]:
        self.run_no += 1
        tag = f"r{self.run_no}-{bot[:2]}-{command[:2]}"
        text = command_text(command, self.args.subject)
        return messages(text, self.service_url, tag, count, self.args.users)

    async def cold_start(
        self, http: aiohttp.ClientSession, services: Services, bot: str, burst: bool
    ) -> Child:
        """Spawn the bot, time it to its first reply at the connector; then, if `burst`,
        `--burst` conversations at once for the RSS they leave."""
        port = free_port()
        argv, env, cwd = bot_argv(bot, port, self.graph, self.tmp, self.args.project_root)
        child = start(bot, argv, port, self.logs, env, cwd)
        self.children.append(child)
        await wait_for_port(child, seconds=60)
        port_ns = now_ns()
        await services.clear()
        first = messages("meet now", self.service_url, f"cold{self.run_no}-{bot}", 1, 1)[0]
        self.run_no += 1
        url = f"http://{HOST}:{port}/api/messages"
        async with http.post(url, data=first.body, headers={"Content-Type": "application/json"}):
            pass
        replies = await services.wait_replies([first.conversation], 30)
        if first.conversation not in replies:
            raise RuntimeError(f"{bot} sent no reply to its first message:\n{child.tail()}")
        started = StartUp(
            port_ms=(port_ns - child.started_ns) / 1e6,
            first_reply_ms=(replies[first.conversation][0] - child.started_ns) / 1e6,
            idle_rss=memory_mib(child.pid)[0],
        )
        self.starts[bot].append(started)
        if burst:
            batch = self.batch(bot, "meet-now", self.args.burst)
            result = await run_load(http, services, child, batch, self.args.burst)
            started.rss_after_burst, started.peak_after_burst = result.rss_mib, result.peak_mib
            started.cpu_ms_burst = result.cpu_ms_per_turn
            if result.failed:
                progress(f"{bot}: {result.failed} of the {self.args.burst} burst turns failed")
        progress(
            f"cold start {bot}: first reply {started.first_reply_ms:.0f} ms, "
            f"RSS {started.idle_rss:.1f} MiB, after burst {started.rss_after_burst:.1f} MiB"
        )
        return child

    async def start_bots(self, http: aiohttp.ClientSession, services: Services) -> None:
        bots = [b for b in self.args.bots if b not in self.skipped]
        for rep in range(self.args.cold_starts):
            for bot in rotated(bots, rep):
                if bot in self.skipped:
                    continue
                try:  # the last start of each bot takes the burst, then the load
                    last = rep == self.args.cold_starts - 1
                    child = await self.cold_start(http, services, bot, burst=last)
                except RuntimeError as exc:
                    self.skipped[bot] = str(exc).splitlines()[0]
                    progress(f"{bot}: skipped: {exc}")
                    continue
                # no bot's work after its start-up may run during the next bot's start
                if not last:
                    child.stop()
                elif not await until_idle(child.pid):
                    progress(f"{bot} still busy after its start-up; the next start shares the CPU")
                self.bots[bot] = child

    async def one_run(
        self, http: aiohttp.ClientSession, services: Services, bot: str, command: str, conc: int
    ) -> RunResult | None:
        """`count` messages at concurrency `conc`; None if the run failed."""
        child = self.bots[bot]
        count = max(self.args.messages, self.args.per_worker * conc)
        batch = self.batch(bot, command, count)
        try:
            result = await asyncio.wait_for(
                run_load(http, services, child, batch, conc), 120 + count * 0.5
            )
        except (TimeoutError, OSError, aiohttp.ClientError) as exc:
            progress(f"{bot} {command} c={conc}: {type(exc).__name__}: {exc}")
            result = None
        if not child.alive():
            self.skipped[bot] = f"exited ({child.process.returncode}): {child.tail(3)}"
            return None
        return result

    async def load(self, http: aiohttp.ClientSession, services: Services) -> None:
        for delay in self.args.connector_delay_ms:
            await services.set_delay(delay)
            for command in self.args.commands:
                text = command_text(command, self.args.subject)
                for bot in self.live() if self.args.warmup > 0 else ():
                    # the first of a command compiles, caches, connects
                    warm = self.batch(bot, command, self.args.warmup)
                    await run_load(http, services, self.bots[bot], warm, self.args.warmup)
                cells = self.cells.setdefault((delay, command), {})
                for conc in self.concurrencies(delay):
                    by_bot = cells.setdefault(conc, defaultdict(list))
                    for rep in range(self.args.repeats):
                        for bot in rotated(self.live(), rep):
                            result = await self.one_run(http, services, bot, command, conc)
                            if result is None:
                                continue
                            by_bot[bot].append(result)
                            self.routes[(command, bot)].update(result.graph_routes)
                            self.turns[(command, bot)] += result.sent
                            progress(f"delay {delay:g} ms, {text}, c={conc}, {bot}: {result}")

    def live(self) -> list[str]:
        return [bot for bot in self.bots if bot not in self.skipped]

    def concurrencies(self, delay: float) -> list[int]:
        chosen: list[int] = self.args.concurrency
        if delay > 0 and self.args.delayed_concurrency:
            chosen = self.args.delayed_concurrency
        return chosen

    def stop(self) -> None:
        for child in reversed(self.children):
            child.stop()

    def report(self, seconds: float) -> list[str]:
        args = self.args
        bots = [b for b in args.bots if b in self.bots]  # one that died keeps its runs
        versions = ", ".join(
            f"{name} {_version(name)}"
            for name in ("botbuilder-core", "microsoft-agents-hosting-aiohttp", "aiohttp")
        )
        lines = [
            f"bench_load: {os.cpu_count()} cores, load avg {os.getloadavg()[0]:.2f}, "
            f"Python {platform.python_version()}, {versions}",
            f"{args.repeats} repeats per cell, >= {args.messages} messages per run "
            f"({args.per_worker} per concurrent sender), each in its own conversation, "
            f"{args.users} senders; took {seconds:.0f} s",
        ]
        for bot, why in self.skipped.items():
            lines.append(f"SKIPPED {bot}: {why}")
        lines += [
            "",
            f"Start-up and memory (median of {args.cold_starts} cold starts each, the bots taking "
            "turns; ÷ = project / floor, paired per start)",
        ]
        lines += startup_table(self.starts, bots, args.burst)
        for (delay, command), cells in self.cells.items():
            title = (
                f"`{command_text(command, args.subject)}`, connector delay {delay:g} ms "
                "(medians; ÷ rows: project / that floor, paired per repeat)"
            )
            lines += ["", *load_table(title, cells, bots)]
        per_turn = {
            key: {route: n / self.turns[key] for route, n in counter.items()}
            for key, counter in self.routes.items()
        }
        lines += ["", "Graph calls per turn, by route (emulator request log):"]
        lines += graph_breakdown(per_turn, bots)
        return lines


def rotated(items: Sequence[str], by: int) -> list[str]:
    shift = by % len(items) if items else 0
    return [*items[shift:], *items[:shift]]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


async def main_async(args: argparse.Namespace) -> int:
    began = now_ns()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp_name:
        tmp = Path(tmp_name)
        logs = args.logs or tmp
        logs.mkdir(parents=True, exist_ok=True)
        bench = Bench(args, tmp, logs)
        precompile(ROOT, *([args.project_root.resolve()] if args.project_root else []))
        if AGENTS in args.bots and (why := agents_missing()):
            bench.skipped[AGENTS] = why
        timeout = aiohttp.ClientTimeout(total=60)
        connector = aiohttp.TCPConnector(limit=0)
        try:
            async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
                services = await bench.start_services(http)
                await bench.start_bots(http, services)
                if PROJECT not in bench.bots:
                    progress("the project's bot did not start: nothing to compare")
                    return 1
                await bench.load(http, services)
                emulator_cpu = cpu_seconds(bench.children[0].pid)
        finally:
            bench.stop()
        lines = bench.report((now_ns() - began) / 1e9)
        lines.append(f"(emulator CPU over the whole bench: {emulator_cpu:.1f} s)")
        print("\n".join(lines))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return asyncio.run(main_async(parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())
