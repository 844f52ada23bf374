"""Start and stop the Microsoft 365 Agents Playground for a test, in its own process group."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.dev.playground import LOG_NAME, playground_command, playground_env, write_config

LISTENING = re.compile(r"Listening on (\d+)")


class PlaygroundError(RuntimeError):
    """The playground did not come up; the message carries its output and log."""


def free_port() -> int:
    """A port free on all interfaces (the playground binds every interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("", 0))
        port: int = sock.getsockname()[1]
        return port


def port_answers(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class RunningPlayground:
    port: int
    workdir: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def output_path(self) -> Path:
        return self.workdir / "playground.out"

    @property
    def log_path(self) -> Path:
        return self.workdir / LOG_NAME

    def diagnostics(self, limit: int = 4000) -> str:
        """Its stdout/stderr and its log file (config errors appear only in the log)."""
        parts = []
        for path in (self.output_path, self.log_path):
            text = path.read_text(errors="replace") if path.exists() else "(none)"
            parts.append(f"--- {path.name} ---\n{text[-limit:]}")
        return "\n".join(parts)


def _wait_until_listening(running: RunningPlayground, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise PlaygroundError(
                f"the playground exited with {running.process.returncode}\n" + running.diagnostics()
            )
        output = running.output_path.read_text(errors="replace")
        match = LISTENING.search(output)
        if match and int(match.group(1)) != running.port:
            # It silently falls back to a random port when the requested one is taken.
            raise PlaygroundError(
                f"the playground took port {match.group(1)} instead of {running.port}"
            )
        if match and port_answers(running.port):
            return
        time.sleep(0.1)
    raise PlaygroundError(
        f"the playground did not answer on {running.port} within {timeout:.0f}s\n"
        + running.diagnostics()
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@contextmanager
def run_playground(
    workdir: Path, *, bot_port: int, tz: str, port: int | None = None, timeout: float = 30.0
) -> Iterator[RunningPlayground]:
    """Write the mock-tenant config into `workdir`, start the playground, stop it after."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = write_config(workdir, bot_port=bot_port, tz=tz)
    port = port or free_port()
    with (workdir / "playground.out").open("wb") as output:
        process = subprocess.Popen(
            playground_command(port),
            cwd=workdir,
            env=playground_env(config, bot_port=bot_port, tz=tz, base=os.environ),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown stops all of it
        )
    running = RunningPlayground(port=port, workdir=workdir, process=process)
    try:
        _wait_until_listening(running, timeout)
        yield running
    finally:
        _stop(process)
