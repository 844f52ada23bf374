"""`make run`: the bot on the embedded emulator plus the Agents Playground, stopped together."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from bot.config import Settings
from bot.dev import playground
from bot.runtime import serve

log = logging.getLogger(__name__)

PLAYGROUND_PORT = 56150


def playground_missing(root: Path = playground.PROJECT_ROOT) -> str | None:
    """Why the playground cannot start here, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed (install Node.js 20+ and npm, then `make run` again)"
    if not playground.playground_cli(root).exists():
        return "the playground package is not installed (run `npm ci` in the project folder)"
    return None


def _prepare(workdir: Path, bot_port: int, tz: str) -> tuple[Path, BinaryIO]:
    """The playground's config file, and the file its output goes to."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = playground.write_config(workdir, bot_port=bot_port, tz=tz)
    return config, (workdir / "playground.out").open("wb")


async def _start_playground(
    settings: Settings, port: int, workdir: Path, env: Mapping[str, str]
) -> asyncio.subprocess.Process:
    tz = env.get("TZ") or settings.default_timezone
    config, output = _prepare(workdir, settings.port, tz)
    try:
        return await asyncio.create_subprocess_exec(
            *playground.playground_command(port),
            cwd=workdir,
            env=playground.playground_env(config, bot_port=settings.port, tz=tz, base=env),
            stdout=output,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # its own process group: Ctrl-C here stops all of it
        )
    finally:
        output.close()


def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)


async def serve_with_playground(
    settings: Settings, env: Mapping[str, str], port: int = PLAYGROUND_PORT
) -> None:
    """Serve the bot; alongside it, the playground when Node.js and the package are present."""
    missing = playground_missing()
    process = None
    if missing:
        log.warning("Agents Playground not started: %s.", missing)
        log.warning(
            "Connect any Bot Framework client to http://%s:%d/api/messages instead.",
            settings.host,
            settings.port,
        )
    else:
        process = await _start_playground(settings, port, Path("var/playground"), env)
        log.warning(
            "Agents Playground: open http://127.0.0.1:%d in a browser (time zone %s; "
            "log in var/playground/).",
            port,
            env.get("TZ") or settings.default_timezone,
        )
    try:
        await serve(settings)
    finally:
        if process is not None:
            _stop(process)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), 5)
