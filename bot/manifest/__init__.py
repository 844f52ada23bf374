"""The Teams app package: build it from manifest/, check it offline against Microsoft's schema.

The exports are loaded on first use, so the CLI can register `manifest` without importing
jsonschema and Pillow for every other command.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from bot.manifest.cli import add_manifest_commands

if TYPE_CHECKING:
    from bot.manifest.build import ManifestError, build_package
    from bot.manifest.validate import validate_path

__all__ = ["ManifestError", "add_manifest_commands", "build_package", "validate_path"]

_LAZY = {
    "ManifestError": "bot.manifest.build",
    "build_package": "bot.manifest.build",
    "validate_path": "bot.manifest.validate",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
