"""Child processes of the bench, and what /proc says about them (no psutil needed)."""

from __future__ import annotations

import asyncio
import compileall
import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
HOST = "127.0.0.1"


def now_ns() -> int:
    """CLOCK_MONOTONIC, which the connector stand-in stamps replies with too."""
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


async def port_open(port: int) -> bool:
    with contextlib.suppress(OSError, TimeoutError):
        _, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 0.5)
        writer.close()
        return True
    return False


def cpu_seconds(pid: int) -> float:
    """The process's CPU time, user and system, of every thread it has had, to the nanosecond:
    Linux's CPU-time clock of that process (the clock id glibc's clock_getcpuclockid(pid)
    makes: ~pid << 3 | CPUCLOCK_SCHED). /proc/pid/stat's utime + stime say the same in 10 ms
    ticks, ±0.4 ms a turn over 24 turns; they are the fallback where the clock is refused."""
    try:
        return time.clock_gettime_ns(_cpu_clock_id(pid)) / 1e9
    except OSError:
        return tick_seconds(pid)


def _cpu_clock_id(pid: int) -> int:
    return (~pid << 3) | 2


def tick_seconds(pid: int) -> float:
    """utime + stime of every thread the process has had (field 14 and 15 of /proc/pid/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def memory_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) in MiB: resident now, and the peak so far."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


@dataclass
class Child:
    """One started process, its output going to a log file (shown when it fails)."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    started_ns: int
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def tail(self, lines: int = 15) -> str:
        try:
            text = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 5 s: only this process, by its own pid."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start(
    name: str, argv: Sequence[str], port: int, logs: Path, env: Mapping[str, str], cwd: Path
) -> Child:
    log = logs / f"{name}.log"
    with log.open("ab") as out:
        started = now_ns()
        process = subprocess.Popen(
            list(argv),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=dict(env),
            cwd=cwd,
        )
    return Child(name=name, port=port, process=process, log=log, started_ns=started)


async def until_idle(
    pid: int, quiet: float = 0.3, within: float = 15.0, poll: float = 0.05, budget: float = 0.002
) -> bool:
    """Until the process has used at most `budget` seconds of CPU in `quiet` seconds (its
    work after start-up, such as the project's parser warm-up, done), at most `within`
    seconds; whether it got there. The next bot's cold start then has the machine to itself."""
    deadline = time.monotonic() + within
    mark, since = cpu_seconds(pid), time.monotonic()
    while time.monotonic() < deadline:
        await asyncio.sleep(poll)
        used = cpu_seconds(pid)
        if used - mark > budget:
            mark, since = used, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return True
    return False


async def wait_for_port(child: Child, seconds: float = 30.0, poll: float = 0.005) -> None:
    """Until the child accepts connections; RuntimeError with its log if it dies or hangs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await port_open(child.port):
            return
        if not child.alive():
            raise RuntimeError(f"{child.name} exited ({child.process.returncode}):\n{child.tail()}")
        await asyncio.sleep(poll)
    raise RuntimeError(f"{child.name} did not listen on {child.port} in {seconds:.0f} s")


#: The source trees the bench runs from a checkout (the floors and the project).
SOURCE_PACKAGES = ("bot", "cards", "graph_emulator", "bench")


def precompile(*roots: Path) -> None:
    """Byte-compile the checkouts the bots run from, as an installed package is: with
    PYTHONDONTWRITEBYTECODE set (as here), every cold start would otherwise compile each of
    the project's ~100 modules from source again, a cost no deployment pays."""
    for root in roots:
        for package in SOURCE_PACKAGES:
            if (root / package).is_dir():
                compileall.compile_dir(root / package, quiet=1)
