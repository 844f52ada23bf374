"""How fast the command parser is, per language, over the phrasing tables of tests/unit/parsing.

Run: .venv/bin/python bench/bench_parse.py [--repeat 50] [--runs 15]

Prints, per language, the median and p99 time of one parse_command call (every phrasing, warm;
targets: median <= 0.2 ms, p99 <= 1 ms); the first parse in a fresh process (target <= 20 ms),
cold (the grammar compiled on first use) and after bot/parsing/warm.py, which the bot runs in a
thread at start-up so that its first messages find the grammar compiled; and how much importing
bot.parsing adds to interpreter start-up. When the optional `dateparser` package is importable
(a bench extra, never a runtime dependency), it also prints the share of the tables' start
times that dateparser's search_dates finds, beside the project's own share.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.parsing import parse_command  # noqa: E402
from tests.unit.parsing.cases import BY_LANGUAGE, MENTIONS, aware  # noqa: E402

Row = tuple[str, datetime, ZoneInfo, str, dict[str, Any]]
TARGET_MEDIAN_MS, TARGET_P99_MS, TARGET_FIRST_MS = 0.2, 1.0, 20.0


def percentile(sorted_samples: list[float], fraction: float) -> float:
    index = min(len(sorted_samples) - 1, round(fraction * (len(sorted_samples) - 1)))
    return sorted_samples[index]


def rows(params: list[Any]) -> list[Row]:
    out: list[Row] = []
    for param in params:
        text, now, tz, locale, expected = param.values
        out.append((text, aware(now, tz), ZoneInfo(tz), locale, expected))
    return out


def parse_times(table: list[Row], repeat: int) -> list[float]:
    """Seconds per call, every phrasing `repeat` times, after one warm-up pass."""
    for text, now, tz, locale, _ in table:
        parse_command(text, now, tz, locale, mentions=MENTIONS)
    samples: list[float] = []
    clock = time.perf_counter
    for _ in range(repeat):
        for text, now, tz, locale, _ in table:
            start = clock()
            parse_command(text, now, tz, locale, mentions=MENTIONS)
            samples.append(clock() - start)
    return sorted(samples)


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
from bot.parsing.warm import warm_up
t1 = time.perf_counter()
tz = ZoneInfo("Europe/Berlin")
now = datetime(2026, 11, 25, 10, tzinfo=tz)
if {warm}:
    warm_up()  # what the bot does in a thread at start-up
t2 = time.perf_counter()
parse_command("{text}", now, tz, "{locale}")
t3 = time.perf_counter()
print(f"{{(t1 - t0) * 1e3:.1f}} {{(t3 - t2) * 1e3:.1f}} {{(t2 - t1) * 1e3:.1f}}")
"""
FIRST = {
    "en": ("schedule Budget review tomorrow 3pm", "en-US"),
    "pt": ("agendar Revisão amanhã às 15h", "pt-BR"),
    "es": ("agendar Revisión mañana a las 15h", "es-ES"),
    "de": ("planen Budget-Review morgen um 15 Uhr", "de-DE"),
    "fr": ("planifier Revue budget demain à 15h", "fr-FR"),
}


def first_parse(lang: str, *, warm: bool = False) -> tuple[str, str, str]:
    """(import ms, first parse ms, warm-up ms) in a fresh interpreter; with `warm`, the first
    parse comes after the start-up warm-up (bot/parsing/warm.py), as in the running bot."""
    text, locale = FIRST[lang]
    code = FIRST_PARSE.format(text=text, locale=locale, warm=warm)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return out[0], out[1], out[2]


def timed_rows(table: list[Row]) -> list[Row]:
    """Rows whose expected reading has a start the user chose (not "now", not a listing)."""
    return [r for r in table if r[4]["start"] and r[4]["command"] in ("schedule", "meeting")]


def project_share(table: list[Row]) -> float:
    right = 0
    for text, now, tz, locale, expected in table:
        command = parse_command(text, now, tz, locale, mentions=MENTIONS)
        right += command.start is not None and command.start.isoformat() == expected["start"]
    return right / len(table)


def dateparser_share(table: list[Row], lang: str, search: Callable[..., Any]) -> float:
    """search_dates with the sender's clock and zone: right when any date it finds is the start."""
    right = 0
    for text, now, tz, _, expected in table:
        settings = {
            "RELATIVE_BASE": now.astimezone(tz).replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "TIMEZONE": str(tz),
            "TO_TIMEZONE": str(tz),
            "RETURN_AS_TIMEZONE_AWARE": True,
        }
        found = search(text, languages=[lang], settings=settings) or []
        want = datetime.fromisoformat(expected["start"])
        right += any(abs((when - want).total_seconds()) < 60 for _, when in found)
    return right / len(table)


def compare_with_dateparser(tables: dict[str, list[Row]]) -> None:
    try:
        search = importlib.import_module("dateparser.search").search_dates
    except ImportError:
        print("dateparser: not installed (pip install dateparser to compare start times)")
        return
    print("start times right (rows with a chosen start):  project   dateparser")
    for lang, table in tables.items():
        timed = timed_rows(table)
        ours, theirs = project_share(timed), dateparser_share(timed, lang, search)
        print(
            f"  {lang}  ({len(timed):3d} rows)                        {ours:6.1%}   {theirs:6.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="passes over the phrasings")
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters to time")
    args = parser.parse_args()

    tables = {lang: rows(params) for lang, params in BY_LANGUAGE.items()}
    print(
        f"targets: median <= {TARGET_MEDIAN_MS} ms, p99 <= {TARGET_P99_MS} ms, first parse <= "
        f"{TARGET_FIRST_MS:.0f} ms"
    )
    print(
        "lang  phrasings  median µs    p99 µs    max µs   first parse ms: cold (import ms) · "
        "after the start-up warm-up (warm-up ms)"
    )
    for lang, table in tables.items():
        samples = parse_times(table, args.repeat)
        median, p99 = statistics.median(samples), percentile(samples, 0.99)
        imported, cold, _ = first_parse(lang)
        _, warmed, warm_up = first_parse(lang, warm=True)
        print(
            f"{lang:4}  {len(table):9d}  {median * 1e6:9.1f} {p99 * 1e6:9.1f} "
            f"{samples[-1] * 1e6:9.1f}   {cold:>6} ({imported}) · {warmed} ({warm_up})"
        )
    bare = subprocess_seconds("pass", args.runs)
    loaded = subprocess_seconds("import bot.parsing", args.runs)
    print(
        f"start-up: python -c pass {bare * 1e3:.0f} ms, "
        f"python -c 'import bot.parsing' {loaded * 1e3:.0f} ms, "
        f"import adds {(loaded - bare) * 1e3:.0f} ms (median of {args.runs})"
    )
    compare_with_dateparser(tables)


if __name__ == "__main__":
    main()
