"""The printed table: per command, connector delay and concurrency, each bot's medians and
the ratio project / floor, taken per repeat (the two measured back to back) then the median."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bench.load.driver import RunResult, median

PROJECT = "project"

Figure = Callable[[RunResult], float]

FIGURES: tuple[tuple[str, str, Figure], ...] = (
    ("replies/s", "{:9.1f}", lambda r: r.replies_per_s),
    ("p50 ms", "{:8.1f}", lambda r: r.latency(0.50)),
    ("p99 ms", "{:8.1f}", lambda r: r.latency(0.99)),
    ("CPU ms/turn", "{:11.2f}", lambda r: r.cpu_ms_per_turn),
    ("RSS MiB", "{:8.1f}", lambda r: r.rss_mib),
    ("Graph/turn", "{:10.2f}", lambda r: r.graph_per_turn),
)


def _cell(fmt: str, value: float) -> str:
    width = len(fmt.format(0.0))
    return f"{'-':>{width}}" if math.isnan(value) else fmt.format(value)


def _ratio(fmt: str, value: float) -> str:
    width = len(fmt.format(0.0))
    return f"{'-':>{width}}" if math.isnan(value) else f"{value:{width}.2f}"


def paired_ratio(mine: Sequence[float], theirs: Sequence[float]) -> float:
    """Median over repeats of mine[i] / theirs[i] (run back to back, so drift cancels)."""
    ratios = [a / b for a, b in zip(mine, theirs, strict=False) if b and a == a and b == b]
    return median(ratios)


def load_table(
    title: str, cells: Mapping[int, Mapping[str, Sequence[RunResult]]], bots: Sequence[str]
) -> list[str]:
    """`cells[concurrency][bot]` are the repeats of one command at one connector delay."""
    head = f"{'conc':>5}  {'bot':<16}" + "".join(
        f" {name:>{len(fmt.format(0.0))}}" for name, fmt, _ in FIGURES
    )
    lines = [title, head + "  failed", "-" * (len(head) + 8)]
    for concurrency, by_bot in cells.items():
        first = True
        for bot in bots:
            runs = by_bot.get(bot) or []
            if not runs:
                continue
            values = "".join(
                " " + _cell(fmt, median([f(r) for r in runs])) for _, fmt, f in FIGURES
            )
            failed = sum(r.failed for r in runs)
            sent = sum(r.sent for r in runs)
            conc = f"{concurrency:>5}" if first else " " * 5
            lines.append(f"{conc}  {bot:<16}{values}  {failed}/{sent}")
            first = False
        mine = by_bot.get(PROJECT) or []
        for bot in bots:
            theirs = by_bot.get(bot) or []
            if bot == PROJECT or not mine or not theirs:
                continue
            ratios = "".join(
                " " + _ratio(fmt, paired_ratio([f(r) for r in mine], [f(r) for r in theirs]))
                for _, fmt, f in FIGURES
            )
            lines.append(f"{'':>5}  {'÷ ' + bot:<16}{ratios}")
    return lines


@dataclass
class StartUp:
    """One cold start: spawn to port open and to first reply, the memory then, and (for the
    start that takes the burst) after `--burst` concurrent conversations."""

    port_ms: float
    first_reply_ms: float
    idle_rss: float
    rss_after_burst: float = math.nan
    peak_after_burst: float = math.nan
    cpu_ms_burst: float = math.nan


STARTUP_FIGURES: tuple[tuple[str, Callable[[StartUp], float]], ...] = (
    ("spawn -> port open, ms", lambda s: s.port_ms),
    ("cold start -> first reply, ms", lambda s: s.first_reply_ms),
    ("RSS after first reply, MiB", lambda s: s.idle_rss),
    ("RSS after {n} concurrent, MiB", lambda s: s.rss_after_burst),
    ("peak RSS (VmHWM), MiB", lambda s: s.peak_after_burst),
    ("CPU ms/turn, {n} concurrent", lambda s: s.cpu_ms_burst),
)


def startup_table(
    starts: Mapping[str, Sequence[StartUp]], bots: Sequence[str], burst: int
) -> list[str]:
    present = [b for b in bots if starts.get(b)]
    floors = [b for b in present if b != PROJECT]
    head = f"{'':<31}" + "".join(f" {b:>11}" for b in present)
    if PROJECT in present:
        head += "".join(f" {'÷ ' + b:>13}" for b in floors)
    lines = [head, "-" * len(head)]
    for name, figure in STARTUP_FIGURES:
        row = f"{name.format(n=burst):<31}" + "".join(
            f" {median([figure(s) for s in starts[b]]):11.1f}" for b in present
        )
        if PROJECT in present:
            mine = [figure(s) for s in starts[PROJECT]]
            for b in floors:
                row += f" {paired_ratio(mine, [figure(s) for s in starts[b]]):13.2f}"
        lines.append(row)
    return lines


def graph_breakdown(
    routes: Mapping[tuple[str, str], Mapping[str, float]], bots: Sequence[str]
) -> list[str]:
    """Graph calls per turn by route, per command and bot (all runs together)."""
    lines = []
    for (command, bot), by_route in routes.items():
        if bot not in bots:
            continue
        parts = ", ".join(f"{route} ×{count:.2f}" for route, count in sorted(by_route.items()))
        lines.append(f"  {command:<10} {bot:<11} {parts or 'none'}")
    return lines
