"""Several `meeting-bot serve` processes on one PostgreSQL and one Graph emulator process, as a
deployment runs them: for the scale test. Each child is stopped by its own pid."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.load.procs import Child, free_port, start, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"


def child_env(extra: dict[str, str]) -> dict[str, str]:
    """The test's environment less the bot's own settings, plus `extra`."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    return {**keep, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **extra}


@dataclass
class Deployment:
    logs: Path
    database_url: str
    graph_url: str = ""
    emulator: Child | None = None
    replicas: list[Child] = field(default_factory=list)

    def start_emulator(self) -> Child:
        port = free_port()
        argv = [sys.executable, "-m", "graph_emulator", "--host", HOST, "--port", str(port)]
        argv += ["--db", str(self.logs / "graph.sqlite3"), "--request-log-limit", "100000"]
        self.emulator = start("emulator", argv, port, self.logs, child_env({}), ROOT)
        self.graph_url = f"http://{HOST}:{port}/v1.0"
        return self.emulator

    def start_replica(self, index: int, port: int | None = None) -> Child:
        port = port or free_port()
        env = child_env(
            {
                "DATABASE_URL": self.database_url,
                "GRAPH_BASE_URL": self.graph_url,
                "LOCAL_MODE": "false",
                "PORT": str(port),
                "DEFAULT_TIMEZONE": "UTC",
                "REMINDER_MINUTES": "1",
                "JOB_POLL_SECONDS": "0.5",
                "JOB_LEASE_SECONDS": "5",
                "GRAPH_MAX_RETRIES": "2",
                "LOG_LEVEL": "WARNING",
            }
        )
        argv = [sys.executable, "-m", "bot", "serve", "--host", HOST, "--port", str(port)]
        child = start(f"replica-{index}", argv, port, self.logs, env, ROOT)
        if index < len(self.replicas):
            self.replicas[index] = child
        else:
            self.replicas.append(child)
        return child

    def url(self, index: int) -> str:
        return f"http://{HOST}:{self.replicas[index].port}"

    def kill(self, index: int) -> None:
        """SIGKILL, as a crash: nothing is cleaned up."""
        child = self.replicas[index]
        os.kill(child.pid, signal.SIGKILL)
        child.process.wait(timeout=5)

    def stop(self) -> None:
        for child in [*self.replicas, *([self.emulator] if self.emulator else [])]:
            child.stop()


async def ready(child: Child, url: str, seconds: float = 30.0) -> None:
    """Until GET /readyz says ready (the store is migrated)."""
    await wait_for_port(child, seconds)
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(timeout=2) as http:
        while time.monotonic() < deadline:
            try:
                if (await http.get(f"{url}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{child.name} not ready:\n{child.tail()}")


@contextmanager
def deployment(logs: Path, database_url: str) -> Iterator[Deployment]:
    running = Deployment(logs, database_url)
    try:
        yield running
    finally:
        running.stop()
