"""The Teams app package: build it from manifest/, check it offline against Microsoft's schema."""

from bot.manifest.build import ManifestError, build_package
from bot.manifest.cli import add_manifest_commands
from bot.manifest.validate import validate_path

__all__ = ["ManifestError", "add_manifest_commands", "build_package", "validate_path"]
