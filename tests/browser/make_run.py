"""`make run`'s launcher (`meeting-bot serve --playground`) as a real process on free ports.

Unlike `run_playground`, nothing here writes the playground's config: the launcher does, from
its own working directory, exactly as `make run` does.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.browser.playground import PlaygroundError, free_port
from tests.browser.prereqs import ROOT

READY = "Ctrl-C stops everything."
OPEN = re.compile(r"Open (http://127\.0\.0\.1:(\d+)) in a browser")
#: Settings the launcher must not pick up from the developer's shell.
UNSET = ("MicrosoftAppId", "MicrosoftAppPassword", "DATABASE_URL", "BOT_DB", "EMULATOR_DB")


def distinct_free_ports(settings: tuple[str, ...]) -> dict[str, int]:
    ports: dict[str, int] = {}
    while len(set(ports.values())) < len(settings):
        ports = {setting: free_port() for setting in settings}
    return ports


def launcher_env(ports: Mapping[str, int], **extra: str) -> dict[str, str]:
    """The test's environment, local mode on loopback, with `ports` and `extra` set."""
    env = {name: value for name, value in os.environ.items() if name not in UNSET}
    env.update(
        LOCAL_MODE="true",
        BOT_HOST="127.0.0.1",
        EMULATOR_HOST="127.0.0.1",
        LOG_LEVEL="INFO",
        PYTHONPATH=str(ROOT),
    )
    env.update({setting: str(port) for setting, port in ports.items()})
    env.update(extra)
    return env


@dataclass
class RunningLauncher:
    process: subprocess.Popen[bytes]
    cwd: Path
    ports: dict[str, int]
    url: str

    @property
    def output_path(self) -> Path:
        return self.cwd / "make-run.out"

    def output(self) -> str:
        return self.output_path.read_text(errors="replace")


def _wait_until_ready(process: subprocess.Popen[bytes], output: Path, timeout: float) -> str:
    """The URL start-up tells the person to open, once it says Ctrl-C stops everything."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = output.read_text(errors="replace")
        match = OPEN.search(text)
        if match and READY in text:
            return match.group(1)
        if process.poll() is not None:
            raise PlaygroundError(f"make run exited with {process.returncode}:\n{text}")
        time.sleep(0.1)
    raise PlaygroundError(f"make run was not ready within {timeout:.0f}s:\n{text}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a person stops it; the launcher stops the playground it started."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def run_make_run(cwd: Path, *, tz: str, timeout: float = 60.0) -> Iterator[RunningLauncher]:
    """Start `meeting-bot serve --playground` in `cwd` (its var/ goes there); Ctrl-C after."""
    ports = distinct_free_ports(("PORT", "EMULATOR_PORT", "PLAYGROUND_PORT"))
    cwd.mkdir(parents=True, exist_ok=True)
    output = cwd / "make-run.out"
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--playground"],
            cwd=cwd,
            env=launcher_env(ports, TZ=tz),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        url = _wait_until_ready(process, output, timeout)
        yield RunningLauncher(process=process, cwd=cwd, ports=ports, url=url)
    finally:
        _stop(process)
