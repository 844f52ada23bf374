"""`make run`: the bot on the embedded emulator plus the Agents Playground, stopped together.

Start-up order: check every port (nothing written or started yet), start the bot (and the
emulator, then put the playground's people in its directory), start the playground and wait
until it listens on its own port, then say what to open. Whatever fails stops the run with one
line (`StartError`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shutil
import signal
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings
from bot.dev import playground
from bot.dev.directory import seed_directory
from bot.dev.ports import PortUnavailable, StartError, check_ports, needed_ports
from bot.runtime import serve

log = logging.getLogger(__name__)

#: The playground's config and log, under the working directory as the other var/ files.
WORKDIR = Path("var/playground")
#: How long the playground may take to listen (about a second on a laptop).
LISTEN_TIMEOUT = 30.0
LISTENING = re.compile(rb"Listening on (\d+)")


def playground_missing(root: Path = playground.PROJECT_ROOT) -> str | None:
    """Why the playground cannot start here, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed (install Node.js 20+ and npm, then `make run` again)"
    if not playground.playground_cli(root).exists():
        return "the playground package is not installed (run `npm ci` in the project folder)"
    return None


@dataclass
class Playground:
    """The playground's process (its own process group) and the task draining its output."""

    process: asyncio.subprocess.Process
    log_path: Path
    output: asyncio.Task[None] | None = field(default=None)

    async def stop(self) -> None:
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 5)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                await self.process.wait()
        if self.output is not None:
            self.output.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.output


def playground_zone(settings: Settings, env: Mapping[str, str]) -> str:
    return env.get("TZ") or settings.default_timezone


async def start_playground(
    settings: Settings, env: Mapping[str, str], workdir: Path = WORKDIR
) -> Playground:
    """Write its config, start it, and return once it listens on PLAYGROUND_PORT."""
    tz = playground_zone(settings, env)
    config = _write_config(workdir, settings, tz)
    process = await asyncio.create_subprocess_exec(
        *playground.playground_command(settings.playground_port),
        cwd=config.parent,
        env=playground.playground_env(config, bot_port=settings.port, tz=tz, base=env),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopping it stops all of it
    )
    running = Playground(process, config.parent / playground.LOG_NAME)
    try:
        port = await asyncio.wait_for(_listening_port(running), LISTEN_TIMEOUT)
    except TimeoutError:
        await running.stop()
        raise StartError(
            f"the Agents Playground did not listen within {LISTEN_TIMEOUT:.0f} s: "
            f"see {running.log_path}"
        ) from None
    except BaseException:
        await running.stop()
        raise
    if port != settings.playground_port:
        # It moves to a random port when its own is taken: someone took it since the check.
        await running.stop()
        raise PortUnavailable(
            f"port {settings.playground_port} was taken while the playground started: "
            "stop what uses it, or set PLAYGROUND_PORT to a free port"
        )
    assert process.stdout is not None
    running.output = asyncio.create_task(_forward(process.stdout))
    return running


def _write_config(workdir: Path, settings: Settings, tz: str) -> Path:
    """Its config, by absolute path: the playground runs inside `workdir`."""
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    return playground.write_config(workdir, bot_port=settings.port, tz=tz)


async def _listening_port(running: Playground) -> int:
    """The port from its "Listening on N" line (written to stdout when that is not a TTY)."""
    assert running.process.stdout is not None
    async for line in running.process.stdout:
        match = LISTENING.search(line)
        if match:
            return int(match.group(1))
        log.debug("playground: %s", line.decode(errors="replace").rstrip())
    status = await running.process.wait()
    raise StartError(
        f"the Agents Playground exited with status {status} before it listened: "
        f"see {running.log_path}"
    )


async def _forward(stream: asyncio.StreamReader) -> None:
    """Keep reading its output (a full pipe would block it); show it at DEBUG."""
    async for line in stream:
        log.debug("playground: %s", line.decode(errors="replace").rstrip())


async def _until_ready(bot: asyncio.Task[None], ready: asyncio.Event) -> None:
    """Return once the bot listens; raise what stopped it if it failed first."""
    waiter = asyncio.create_task(ready.wait())
    try:
        await asyncio.wait({bot, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
    if not ready.is_set():
        bot.result()  # its exception, e.g. a port taken since the check
        raise StartError("the bot stopped during start-up")


async def serve_with_playground(
    settings: Settings, env: Mapping[str, str], workdir: Path = WORKDIR
) -> None:
    """Serve the bot; alongside it, the playground when Node.js and the package are present."""
    missing = playground_missing()
    check_ports(needed_ports(settings, playground=missing is None))
    ready = asyncio.Event()
    bot = asyncio.create_task(serve(settings, ready=ready))
    running = None
    try:
        await _until_ready(bot, ready)
        if settings.local:
            await seed_directory(settings)
        if missing:
            log.warning("Agents Playground not started: %s.", missing)
            log.warning(
                "Connect any Bot Framework client to http://%s:%d/api/messages instead.",
                settings.host,
                settings.port,
            )
        else:
            running = await start_playground(settings, env, workdir)
            log.warning(
                "Agents Playground: time zone %s, log in %s.",
                playground_zone(settings, env),
                workdir / playground.LOG_NAME,
            )
            log.warning(
                "Open http://127.0.0.1:%d in a browser, pick Personal Chat and type `meet now`.",
                settings.playground_port,
            )
        log.warning("Ctrl-C stops everything.")
        await bot
    finally:
        if running is not None:
            await running.stop()
        if not bot.done():
            bot.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await bot
