"""How fast the command parser is, per language, over the phrasing tables of tests/unit/parsing.

Run: .venv/bin/python bench/bench_parse.py [--repeat 50] [--runs 15]
     .venv/bin/python bench/bench_parse.py --against DIR   (before/after, in the same run)

Prints, per language, the median and p99 time of one parse_command call (every phrasing, warm;
targets: median <= 0.2 ms, p99 <= 1 ms); the first parse in a fresh process (target <= 20 ms),
cold (the grammar compiled on first use) and after bot/parsing/warm.py, which the bot runs in a
thread at start-up so that its first messages find the grammar compiled; the first parse of
short commands ("meet now", "my meetings"), cold; and how much importing bot.parsing adds to
interpreter start-up. When the optional `dateparser` package is importable (a bench extra,
never a runtime dependency), it also prints the share of the tables' start times that
dateparser's search_dates finds, beside the project's own share.

With --against DIR (another checkout's parser and tests, e.g. main's: `git archive HEAD bot
tests | tar -x -C DIR`), each figure is measured for both parsers in turn, `--rounds` times,
in fresh processes, and the best of each is shown with their ratio (this / DIR): on a machine
shared with other work, absolute times swing, figures taken back to back compare.
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

Row = tuple[str, datetime, ZoneInfo, str, dict[str, Any]]
TARGET_MEDIAN_MS, TARGET_P99_MS, TARGET_FIRST_MS = 0.2, 1.0, 20.0
LANGS = ("en", "pt", "es", "de", "fr")


def _parse(*args: Any, **kwargs: Any) -> Any:
    from bot.parsing import parse_command

    return parse_command(*args, **kwargs)


def percentile(sorted_samples: list[float], fraction: float) -> float:
    index = min(len(sorted_samples) - 1, round(fraction * (len(sorted_samples) - 1)))
    return sorted_samples[index]


def rows(lang: str) -> list[Row]:
    from tests.unit.parsing.cases import BY_LANGUAGE, aware

    out: list[Row] = []
    for param in BY_LANGUAGE[lang]:
        text, now, tz, locale, expected = param.values
        out.append((text, aware(now, tz), ZoneInfo(tz), locale, expected))
    return out


def parse_times(table: list[Row], repeat: int) -> list[float]:
    """Seconds per call, every phrasing `repeat` times, after the bot's start-up warm-up and one
    pass over the phrasings."""
    from bot.parsing.warm import warm_up
    from tests.unit.parsing.cases import MENTIONS

    warm_up()
    for text, now, tz, locale, _ in table:
        _parse(text, now, tz, locale, mentions=MENTIONS)
    samples: list[float] = []
    clock = time.perf_counter
    for _ in range(repeat):
        for text, now, tz, locale, _ in table:
            start = clock()
            _parse(text, now, tz, locale, mentions=MENTIONS)
            samples.append(clock() - start)
    return sorted(samples)


def steady(lang: str, repeat: int, code: Path) -> tuple[float, float, float]:
    """(median, p99, max) µs per parse of `lang`'s table, by `code`'s parser in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--worker", lang, "--repeat", str(repeat), "--code", str(code)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


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
SHORT = (("meet now", "en-US"), ("my meetings", "en-US"))


def first_parse(
    text: str, locale: str, *, warm: bool = False, code: Path = ROOT
) -> tuple[float, float, float]:
    """(import ms, first parse ms, warm-up ms) in a fresh interpreter running `code`'s parser;
    with `warm`, the first parse comes after the start-up warm-up (bot/parsing/warm.py), as in
    the running bot."""
    source = FIRST_PARSE.format(text=text, locale=locale, warm=warm)
    out = subprocess.run(
        [sys.executable, "-c", source], cwd=code, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def timed_rows(table: list[Row]) -> list[Row]:
    """Rows whose expected reading has a start the user chose (not "now", not a listing)."""
    return [r for r in table if r[4]["start"] and r[4]["command"] in ("schedule", "meeting")]


def project_share(table: list[Row]) -> float:
    from tests.unit.parsing.cases import MENTIONS

    right = 0
    for text, now, tz, locale, expected in table:
        command = _parse(text, now, tz, locale, mentions=MENTIONS)
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


def compare_with_dateparser() -> None:
    try:
        search = importlib.import_module("dateparser.search").search_dates
    except ImportError:
        print("dateparser: not installed (pip install dateparser to compare start times)")
        return
    print("start times right (rows with a chosen start):  project   dateparser")
    for lang in LANGS:
        timed = timed_rows(rows(lang))
        ours, theirs = project_share(timed), dateparser_share(timed, lang, search)
        print(
            f"  {lang}  ({len(timed):3d} rows)                        {ours:6.1%}   {theirs:6.1%}"
        )


def report(args: argparse.Namespace) -> None:
    print(
        "lang  phrasings  median µs    p99 µs    max µs   first parse ms: cold (import ms) · "
        "after the start-up warm-up (warm-up ms)"
    )
    for lang in LANGS:
        table = rows(lang)
        samples = parse_times(table, args.repeat)
        median, p99 = statistics.median(samples), percentile(samples, 0.99)
        imported, cold, _ = first_parse(*FIRST[lang])
        _, warmed, warm_up = first_parse(*FIRST[lang], warm=True)
        print(
            f"{lang:4}  {len(table):9d}  {median * 1e6:9.1f} {p99 * 1e6:9.1f} "
            f"{samples[-1] * 1e6:9.1f}   {cold:6.1f} ({imported:.1f}) · "
            f"{warmed:.1f} ({warm_up:.1f})"
        )
    short = [
        f"{text} {min(first_parse(text, locale)[1] for _ in range(3)):.1f} ms"
        for text, locale in SHORT
    ]
    print(f"first parse of a short command, cold (best of 3): {' · '.join(short)}")
    bare = subprocess_seconds("pass", args.runs)
    loaded = subprocess_seconds("import bot.parsing", args.runs)
    print(
        f"start-up: python -c pass {bare * 1e3:.0f} ms, "
        f"python -c 'import bot.parsing' {loaded * 1e3:.0f} ms, "
        f"import adds {(loaded - bare) * 1e3:.0f} ms (median of {args.runs})"
    )
    compare_with_dateparser()


def _best(measure: Callable[[Path], tuple[float, ...]], other: Path, rounds: int) -> str:
    """`measure` for this checkout and `other` in turn, `rounds` times: the best of each."""
    mine: list[tuple[float, ...]] = []
    theirs: list[tuple[float, ...]] = []
    for _ in range(rounds):
        mine.append(measure(ROOT))
        theirs.append(measure(other))
    cells = []
    for i in range(len(mine[0])):
        a, b = min(m[i] for m in mine), min(t[i] for t in theirs)
        cells.append(f"{a:8.1f} {b:8.1f} {a / b:5.2f}")
    return "   ".join(cells)


Measure = Callable[[Path], tuple[float, ...]]


def _steady_of(lang: str, repeat: int) -> Measure:
    return lambda code: steady(lang, repeat, code)[:2]


def _first_of(text: str, locale: str) -> Measure:
    def measure(code: Path) -> tuple[float, float]:
        cold = first_parse(text, locale, code=code)[1]
        return cold, first_parse(text, locale, warm=True, code=code)[1]

    return measure


def _warm_up_of(code: Path) -> tuple[float]:
    return (first_parse("meet now", "en-US", warm=True, code=code)[2],)


def compare(args: argparse.Namespace) -> None:
    other, rounds = Path(args.against).resolve(), args.rounds
    print(f"this checkout ({ROOT}) / {other}: the best of {rounds} turns each, taken in turn")
    print("lang   median µs: this    other ratio   p99 µs: this    other ratio")
    for lang in LANGS:
        print(f"{lang:4}  {_best(_steady_of(lang, args.repeat), other, rounds)}")
    print("first parse ms          cold: this    other ratio   after warm-up: this  other ratio")
    for text, locale in [*(FIRST[lang] for lang in LANGS), *SHORT]:
        print(f"{text[:22]:22}  {_best(_first_of(text, locale), other, rounds)}")
    print(f"warm-up ms (a thread at start-up)  {_best(_warm_up_of, other, rounds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="passes over the phrasings")
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters to time")
    parser.add_argument("--against", help="another checkout to compare with, figure by figure")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: turns each")
    parser.add_argument("--worker", choices=LANGS, help=argparse.SUPPRESS)
    parser.add_argument("--code", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve()))
    if args.worker:
        samples = parse_times(rows(args.worker), args.repeat)
        median, p99 = statistics.median(samples), percentile(samples, 0.99)
        print(f"{median * 1e6:.1f} {p99 * 1e6:.1f} {samples[-1] * 1e6:.1f}")
        return
    print(
        f"targets: median <= {TARGET_MEDIAN_MS} ms, p99 <= {TARGET_P99_MS} ms, first parse <= "
        f"{TARGET_FIRST_MS:.0f} ms"
    )
    if args.against:
        compare(args)
    else:
        report(args)


if __name__ == "__main__":
    main()
