"""Every phrasing table, by language: the workload of bench/bench_parse.py and of the rules that
hold for every row (purity, the table's size)."""

from __future__ import annotations

from typing import Any

from tests.unit.parsing import (
    test_de_chat,
    test_de_separable,
    test_de_times,
    test_en_chat,
    test_en_commands,
    test_en_people,
    test_en_plans,
    test_en_refused,
    test_en_shorthand,
    test_en_times,
    test_en_zones,
    test_es_chat,
    test_es_de_fr_plans,
    test_es_times,
    test_fr_chat,
    test_fr_times,
    test_pt_chat,
    test_pt_commands,
    test_pt_plans,
    test_pt_times,
    test_short_durations,
    test_suspects,
)
from tests.unit.parsing.table import MENTIONS, aware, status

BY_LANGUAGE: dict[str, list[Any]] = {
    "en": [
        *test_en_commands.ROWS,
        *test_en_times.ROWS,
        *test_en_people.ROWS,
        *test_en_refused.ROWS,
        *test_en_shorthand.ROWS,
        *test_en_zones.ROWS,
        *test_en_chat.ROWS,
        *test_en_plans.ROWS,
    ],
    "pt": [*test_pt_commands.ROWS, *test_pt_times.ROWS, *test_pt_chat.ROWS, *test_pt_plans.ROWS],
    "es": [*test_es_times.ROWS, *test_es_chat.ROWS, *test_es_de_fr_plans.ES_ROWS],
    "de": [
        *test_de_times.ROWS,
        *test_de_chat.ROWS,
        *test_es_de_fr_plans.DE_ROWS,
        *test_de_separable.ROWS,
    ],
    "fr": [*test_fr_times.ROWS, *test_fr_chat.ROWS, *test_es_de_fr_plans.FR_ROWS],
}
for row in [
    *test_suspects.ROWS,
    *test_short_durations.ROWS,
]:  # one table for the five languages: by each row's locale
    BY_LANGUAGE[row.values[3][:2]].append(row)
CASES = [row for rows in BY_LANGUAGE.values() for row in rows]

__all__ = ["BY_LANGUAGE", "CASES", "MENTIONS", "aware", "status"]
