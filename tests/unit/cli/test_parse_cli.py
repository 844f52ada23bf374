"""`meeting-bot parse` run for real: the same parser as the bot, printed as one JSON object."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "bot", "parse", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def printed(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    answer: dict[str, Any] = json.loads(lines[0])
    return answer


def test_schedule_in_the_senders_zone() -> None:
    result = run(
        "--now",
        "2026-11-25T10:00:00",
        "--tz",
        "Europe/Berlin",
        "schedule",
        "Budget",
        "review",
        "tomorrow",
        "3pm",
        "for",
        "1h",
        "with",
        "Ann@X.com",
    )
    assert printed(result) == {
        "command": "schedule",
        "subject": "Budget review",
        "start": "2026-11-26T15:00:00+01:00",
        "end": "2026-11-26T16:00:00+01:00",
        "attendees": ["ann@x.com"],
        "error": None,
        "confirm": None,
    }


def test_portuguese_with_a_mention() -> None:
    result = run(
        "--now",
        "2026-11-25T10:00:00-03:00",
        "--tz",
        "America/Sao_Paulo",
        "--locale",
        "pt-BR",
        "--mention",
        "29:ann=Ann Lee",
        "agendar Revisão amanhã às 15h por 30 min com <at>Ann Lee</at>",
    )
    assert printed(result) == {
        "command": "schedule",
        "subject": "Revisão",
        "start": "2026-11-26T15:00:00-03:00",
        "end": "2026-11-26T15:30:00-03:00",
        "attendees": ["29:ann"],
        "error": None,
        "confirm": None,
    }


def test_an_unsure_reading_prints_why_it_needs_confirming() -> None:
    result = run(
        "--now",
        "2026-11-25T10:00:00",
        "--tz",
        "Europe/Berlin",
        "schedule retro 2morrow at 5 with <at>Ann Lee</at>",
        "--mention",
        "29:ann=Ann Lee",
    )
    assert printed(result) == {
        "command": "schedule",
        "subject": "retro",
        "start": "2026-11-26T17:00:00+01:00",
        "end": "2026-11-26T17:30:00+01:00",
        "attendees": ["29:ann"],
        "error": None,
        "confirm": "I read “2morrow” as “tomorrow”; “at 5” could be 05:00 or 17:00; I read 17:00",
    }


def test_another_zone_and_another_language() -> None:
    answer = printed(
        run(
            "--now",
            "2026-11-25T10:00:00",
            "--tz",
            "Europe/Madrid",
            "--locale",
            "es-ES",
            "agendar Revisión mañana a las 10h EST",
        )
    )
    assert answer["start"] == "2026-11-26T16:00:00+01:00"
    assert answer["subject"] == "Revisión"
    assert answer["confirm"] is None


def test_a_refusal_is_printed_not_failed() -> None:
    answer = printed(run("--now", "2026-11-25T10:00:00", "schedule", "X", "yesterday", "3pm"))
    assert answer["command"] == "schedule"
    assert answer["start"] is None
    assert answer["error"].startswith("“yesterday 3pm” is in the past.")
    assert answer["confirm"] is None


def test_now_defaults_to_the_clock_and_tz_to_utc() -> None:
    before = datetime.now(UTC).replace(second=0, microsecond=0)  # "now" is this minute
    answer = printed(run("meet", "now"))
    start = datetime.fromisoformat(answer["start"])
    offset = start.utcoffset()
    assert offset is not None
    assert offset.total_seconds() == 0
    assert before <= start <= datetime.now(UTC)
    assert (start.second, start.microsecond) == (0, 0)


def test_an_unknown_time_zone_exits_2() -> None:
    result = run("--tz", "Mars/Olympus_Mons", "meet", "now")
    assert result.returncode == 2
    assert "time zone" in result.stderr
    assert result.stdout == ""


def test_a_bad_now_exits_2() -> None:
    result = run("--now", "tomorrow-ish", "meet", "now")
    assert result.returncode == 2
    assert "ISO-8601" in result.stderr
