"""How each bot under test is started, and the commands it is sent."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from bench.load.procs import HOST
from bench.load.report import PROJECT

ROOT = Path(__file__).resolve().parents[2]
AGENTS = "agents"
BOTS = (PROJECT, "botbuilder", AGENTS)
FLOOR_SCRIPTS = {
    "botbuilder": ROOT / "bench/floors/botbuilder_floor.py",
    AGENTS: ROOT / "bench/floors/agents_floor.py",
}
AGENTS_MODULE = "microsoft_agents.hosting.aiohttp"
#: Settings of the project's that must not leak in from the caller's environment.
PROJECT_ENV = ("LOCAL_MODE", "GRAPH_", "BOT_", "PORT", "EMULATOR_", "ALLOWED_TENANTS", "SSO_")


def command_text(command: str, subject: str) -> str:
    return "meet now" if command == "meet-now" else f"schedule {subject} tomorrow 3pm"


def child_env(**extra: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("Microsoft") and not name.startswith(PROJECT_ENV)
    }
    env.pop("LOG_LEVEL", None)  # each bot logs as it does by default
    env.update(extra)
    return env


def bot_argv(
    bot: str, port: int, graph: str, tmp: Path, project_root: Path | None
) -> tuple[list[str], dict[str, str], Path]:
    """The command, environment and working directory that start one bot."""
    if bot != PROJECT:
        argv = [sys.executable, str(FLOOR_SCRIPTS[bot]), "--port", str(port), "--graph", graph]
        return argv, child_env(), ROOT
    env = child_env(
        LOCAL_MODE="false", GRAPH_BASE_URL=graph, BOT_DB=str(tmp / f"bot-{port}.sqlite3")
    )
    script = Path(sys.executable).with_name("meeting-bot")
    if project_root is not None:
        argv, cwd = [sys.executable, "-m", "bot"], project_root.resolve()
        env["PYTHONPATH"] = str(cwd)
    else:
        argv = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
        cwd = ROOT
    return [*argv, "serve", "--host", HOST, "--port", str(port)], env, cwd


def agents_missing() -> str | None:
    """Why the Agents SDK floor cannot run here, or None."""
    if importlib.util.find_spec("microsoft_agents") is None:
        return "microsoft-agents-hosting-aiohttp is not installed (pip install -e '.[bench]')"
    try:
        found = importlib.util.find_spec(AGENTS_MODULE)
    except ImportError as exc:
        return f"{AGENTS_MODULE} cannot be found: {exc}"
    return None if found else f"{AGENTS_MODULE} is not installed (pip install -e '.[bench]')"
