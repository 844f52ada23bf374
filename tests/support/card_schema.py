"""Check cards against the Adaptive Cards 1.5 schema, and Teams' own extensions separately.

The 1.5 schema rejects two Teams extensions (tests/contracts/README.md): the card-level
`msteams` key and the people picker's `choices.data` (Data.Query). They are removed for the
schema check and checked here against Microsoft's Teams documentation instead.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft6Validator

SCHEMA_PATH = Path(__file__).parent.parent / "contracts" / "adaptive-card.schema.json"
PEOPLE_DATASETS = {"graph.microsoft.com/users"}
MSTEAMS_WIDTHS = {"Full"}


@cache
def _validator() -> Draft6Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft6Validator(schema)


def _strip_teams_extensions(node: Any, found: list[tuple[str, Any]]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "msteams" and node.get("type") == "AdaptiveCard":
                found.append(("msteams", value))
                continue
            if key == "choices.data" and node.get("type") == "Input.ChoiceSet":
                found.append(("choices.data", value))
                continue
            out[key] = _strip_teams_extensions(value, found)
        return out
    if isinstance(node, list):
        return [_strip_teams_extensions(item, found) for item in node]
    return node


def card_errors(card: dict[str, Any]) -> list[str]:
    """Schema violations and Teams-extension mistakes; empty when the card is valid."""
    found: list[tuple[str, Any]] = []
    plain = _strip_teams_extensions(copy.deepcopy(card), found)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in _validator().iter_errors(plain)
    ]
    if plain.get("version") != "1.5":
        errors.append(f"version is {plain.get('version')!r}, Teams renders 1.5")
    for key, value in found:
        if key == "msteams" and (
            not isinstance(value, dict)
            or set(value) - {"width", "entities"}
            or value.get("width", "Full") not in MSTEAMS_WIDTHS
        ):
            errors.append(f"msteams: unexpected {value!r}")
        if key == "choices.data" and (
            not isinstance(value, dict)
            or value.get("type") != "Data.Query"
            or value.get("dataset") not in PEOPLE_DATASETS
        ):
            errors.append(f"choices.data: not a Teams people picker: {value!r}")
    return errors


def assert_valid_card(card: dict[str, Any]) -> None:
    errors = card_errors(card)
    assert not errors, "card is not valid Adaptive Card 1.5 for Teams:\n" + "\n".join(errors)
