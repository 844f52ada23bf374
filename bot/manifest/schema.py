"""Microsoft's Teams app manifest JSON schema, applied offline.

The schema file is a byte-identical copy of `MicrosoftTeams.schema.json` v1.22 from
OfficeDev/microsoft-teams-app-schema (commit 57ba4256f209a479e2ff493b1cf1fa44083c67d6, "GA 1.22").
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import regex
from jsonschema import Draft4Validator, Draft6Validator, Draft7Validator, ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import extend

from bot.manifest.package import SCHEMA_VERSION

_SCHEMA_FILE = f"teams-manifest-v{SCHEMA_VERSION}.schema.json"


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    # Newer manifest schemas use `\p{L}`, which Python's `re` cannot compile.
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _compiled(pattern: str) -> Any:
    return regex.compile(pattern)


# The file declares draft-04 but uses `const` (draft-06), and later versions `if`/`then`
# (draft-07); a plain Draft4Validator would silently ignore them.
ManifestValidator = extend(
    Draft4Validator,
    {
        "pattern": _pattern,
        "const": Draft6Validator.VALIDATORS["const"],
        "if": Draft7Validator.VALIDATORS["if"],
    },
)


@cache
def _validator() -> Any:
    text = resources.files(__package__).joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    return ManifestValidator(json.loads(text))


def json_path(parts: Sequence[str | int]) -> str:
    """`bots[0].commandLists[1]`: where a problem is, in the manifest's own terms."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def schema_problems(manifest: Any, *, skip: frozenset[str] = frozenset()) -> list[str]:
    """One line per schema violation, e.g. `name.short: 'x…' is too long (maxLength 30)`.

    `skip` names paths another check already reports in plainer words.
    """
    problems = []
    errors = sorted(_validator().iter_errors(manifest), key=lambda e: list(map(str, e.path)))
    for error in errors:
        where = json_path(list(error.absolute_path))
        if where in skip:
            continue
        if error.context:  # oneOf/anyOf: the closest branch explains more than "is not valid"
            error = best_match(error.context)
            where = json_path(list(error.absolute_path))
        problems.append(f"{where}: {_shorten(error.message)} (schema: {error.validator})")
    return problems


def _shorten(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
