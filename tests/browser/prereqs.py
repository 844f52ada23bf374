"""What the browser tests need, and a skip (or, in CI, a failure) naming what is missing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
STRICT_ENV = "REQUIRE_BROWSER_TESTS"

#: Packages from package-lock.json each group of tests loads.
RENDERER_PACKAGES = ("adaptivecards", "markdown-it")
PLAYGROUND_PACKAGES = ("@microsoft/m365agentsplayground",)


def chromium_path(env: Mapping[str, str] = os.environ) -> Path:
    return Path(env.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM)


def missing_chromium(env: Mapping[str, str] = os.environ) -> list[str]:
    path = chromium_path(env)
    if path.is_file() and os.access(path, os.X_OK):
        return []
    return [f"Chromium not found at {path} (apt-get install chromium, or set CHROMIUM_PATH)"]


def missing_node() -> list[str]:
    if shutil.which("node"):
        return []
    return ["Node.js not found on PATH (install Node.js 20, then run `npm ci`)"]


def missing_packages(names: tuple[str, ...], root: Path = NODE_MODULES) -> list[str]:
    return [
        f"node_modules/{name} is not installed (run `npm ci` in {ROOT})"
        for name in names
        if not (root / name / "package.json").is_file()
    ]


def require(missing: list[str], env: Mapping[str, str] = os.environ) -> None:
    """Skip with the reasons; with REQUIRE_BROWSER_TESTS=1 (CI) fail instead."""
    if not missing:
        return
    reason = "; ".join(missing)
    if env.get(STRICT_ENV, "").strip() == "1":
        pytest.fail(f"{STRICT_ENV}=1 but {reason}", pytrace=False)
    pytest.skip(f"browser test skipped: {reason}")


def screenshot_dir() -> Path:
    """docs/ when UPDATE_SCREENSHOTS=1 (to refresh the committed pictures), else a scratch
    folder: the screenshots are still taken, but a plain test run leaves the checkout clean."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        return ROOT / "docs"
    folder = Path(tempfile.gettempdir()) / "meeting-bot-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
