"""Check a Teams app package offline: Microsoft's schema first, then this bot's own rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.manifest import rules
from bot.manifest.package import Package, PackageError, load_package
from bot.manifest.schema import schema_problems


def validate_path(path: Path, *, app_id: str | None = None) -> list[str]:
    """Problems with a manifest.json, a folder holding one, or an app package zip; [] if valid.

    With `app_id`, the manifest must also belong to that bot.
    """
    try:
        package = load_package(path)
    except (PackageError, OSError) as exc:
        return [str(exc)]
    return validate_package(package, app_id=app_id)


def validate_package(package: Package, *, app_id: str | None = None) -> list[str]:
    try:
        manifest: Any = json.loads(package.manifest.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ["manifest.json is not UTF-8 text"]
    except json.JSONDecodeError as exc:
        return [f"manifest.json is not valid JSON: {exc}"]
    if not isinstance(manifest, dict):
        return [f"manifest.json must hold a JSON object, not {type(manifest).__name__}"]
    problems = rules.version_problems(manifest)
    # The version rule says what the schema's `const` says, in plainer words.
    problems += schema_problems(manifest, skip=frozenset({"manifestVersion"}))
    problems += rules.id_problems(manifest, app_id)
    problems += rules.icon_problems(manifest, package)
    problems += rules.command_problems(manifest)
    problems += rules.compose_extension_problems(manifest)
    return problems


def package_warnings(package: Package) -> list[str]:
    """What Teams accepts but users should not see (example.com pages); [] when unreadable."""
    try:
        manifest: Any = json.loads(package.manifest.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    return rules.placeholder_warnings(manifest) if isinstance(manifest, dict) else []


def warnings_for_path(path: Path) -> list[str]:
    try:
        return package_warnings(load_package(path))
    except (PackageError, OSError):
        return []
