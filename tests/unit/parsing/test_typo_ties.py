"""A typo as close to two command phrases reads as the same one in every process: replicas
(and restarts) start with different hash seeds, and a set's order follows the seed."""

from __future__ import annotations

import os
import subprocess
import sys

PROGRAM = """
from bot.language import ALL
from bot.parsing.commands import commands_for
for lang in ALL:
    print(lang.code, commands_for(lang).phrases)
"""


def _phrases(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_typo_phrases_come_in_the_same_order_whatever_the_hash_seed() -> None:
    first = _phrases(0)
    assert first.strip()
    assert all(_phrases(seed) == first for seed in (1, 2, 3, 4, 5))


def test_montag_under_es_reads_the_same_everywhere() -> None:
    runs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        code = (
            "from datetime import datetime, UTC; from zoneinfo import ZoneInfo;"
            "from bot.parsing import parse_command;"
            "print(parse_command('montag', datetime(2026, 1, 5, 9, tzinfo=UTC),"
            " ZoneInfo('Europe/Madrid'), 'es-ES').as_dict())"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        runs.add(done.stdout)
    assert len(runs) == 1
