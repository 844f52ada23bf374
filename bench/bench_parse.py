"""How fast the command parser is, over the phrasings of tests/test_commands.py.

Run: .venv/bin/python bench/bench_parse.py [--repeat 200] [--runs 15]

Prints the median and p99 time of one parse_command call (every phrasing, warm), the first
parse in a fresh process (the grammar is compiled on first use), and how much importing
bot.parsing adds to interpreter start-up, measured in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.parsing import parse_command  # noqa: E402
from tests.unit.parsing.test_commands import CASES, MENTIONS, aware  # noqa: E402


def percentile(sorted_samples: list[float], fraction: float) -> float:
    index = min(len(sorted_samples) - 1, round(fraction * (len(sorted_samples) - 1)))
    return sorted_samples[index]


def parse_times(repeat: int) -> list[float]:
    """Seconds per call, every phrasing `repeat` times, after one warm-up pass."""
    rows: list[tuple[Any, ...]] = []
    for param in CASES:
        text, now, tz, locale, _ = param.values
        rows.append((text, aware(now, tz), ZoneInfo(tz), locale))
    for text, now, tz, locale in rows:
        parse_command(text, now, tz, locale, mentions=MENTIONS)
    samples: list[float] = []
    clock = time.perf_counter
    for _ in range(repeat):
        for text, now, tz, locale in rows:
            start = clock()
            parse_command(text, now, tz, locale, mentions=MENTIONS)
            samples.append(clock() - start)
    return samples


def subprocess_seconds(code: str, runs: int) -> float:
    """Median wall time of `python -c code` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


FIRST_PARSE = """
import time
from datetime import datetime
from zoneinfo import ZoneInfo
t0 = time.perf_counter()
from bot.parsing import parse_command
t1 = time.perf_counter()
tz = ZoneInfo("Europe/Berlin")
parse_command("schedule Budget review tomorrow 3pm", datetime(2026, 11, 25, 10, tzinfo=tz), tz)
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1e3:.1f} {(t2 - t1) * 1e3:.1f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="passes over the phrasings")
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters to time")
    args = parser.parse_args()

    samples = sorted(parse_times(args.repeat))
    print(f"phrasings: {len(CASES)}, parses timed: {len(samples)}")
    print(f"parse_command median: {statistics.median(samples) * 1e6:8.1f} µs")
    print(f"parse_command p99:    {percentile(samples, 0.99) * 1e6:8.1f} µs")
    print(f"parse_command max:    {samples[-1] * 1e6:8.1f} µs")

    in_process = subprocess.run(
        [sys.executable, "-c", FIRST_PARSE], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    print(f"import bot.parsing (in process): {in_process[0]} ms")
    print(f"first parse, grammar compiled:   {in_process[1]} ms")

    bare = subprocess_seconds("pass", args.runs)
    loaded = subprocess_seconds("import bot.parsing", args.runs)
    print(
        f"start-up: python -c pass {bare * 1e3:.0f} ms, "
        f"python -c 'import bot.parsing' {loaded * 1e3:.0f} ms, "
        f"import adds {(loaded - bare) * 1e3:.0f} ms (median of {args.runs})"
    )


if __name__ == "__main__":
    main()
