"""The ports `make run` listens on, checked before it writes a file or starts anything.

A second `make run` (or any other program) on one of them must stop this run at once with one
line naming the port and the setting to change — not print "open ..." and fail half-way, nor
truncate the first run's log, nor let the playground drift silently to a random port.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from bot.config import Settings


class StartError(Exception):
    """`make run` cannot start; the message is the one line to print."""


class PortUnavailable(StartError):
    """A port `make run` needs is taken (or cannot be listened on)."""


@dataclass(frozen=True)
class Port:
    """A port `make run` listens on, and the setting that moves it."""

    setting: str  # the environment variable that moves it
    number: int
    host: str | None  # None: every interface (as Node's `server.listen(port)` binds)


def needed_ports(settings: Settings, *, playground: bool) -> list[Port]:
    """The bot's port; the emulator's in local mode; the playground's when it will start."""
    ports = [Port("PORT", settings.port, settings.host)]
    if settings.local:
        ports.append(Port("EMULATOR_PORT", settings.emulator_port, settings.emulator_host))
    if playground:
        ports.append(Port("PLAYGROUND_PORT", settings.playground_port, None))
    return ports


def check_ports(ports: Iterable[Port]) -> None:
    """Raise PortUnavailable for the first port that is configured twice or is taken."""
    ports = list(ports)
    for index, port in enumerate(ports):
        for other in ports[:index]:
            if other.number == port.number:
                raise PortUnavailable(
                    f"{other.setting} and {port.setting} are both {port.number}: "
                    f"set {port.setting} to another port"
                )
    for port in ports:
        problem = _bind_problem(port)
        if problem is not None:
            raise PortUnavailable(_message(port, problem, ports))


def _message(port: Port, problem: OSError, ports: list[Port]) -> str:
    if problem.errno == errno.EADDRINUSE:
        what = f"port {port.number} is already in use (another `make run`?)"
    else:
        what = f"cannot listen on port {port.number} ({problem.strerror or problem})"
    spare = free_port_near(port, avoid={p.number for p in ports})
    example = f", e.g. {port.setting}={spare} make run" if spare else ""
    return f"{what}: stop what uses it, or set {port.setting} to a free port{example}"


def free_port_near(port: Port, *, avoid: set[int], tries: int = 20) -> int | None:
    """The first port above `port` that is free now, for the message's example."""
    for number in range(port.number + 1, min(port.number + 1 + tries, 65536)):
        if number not in avoid and _bind_problem(Port(port.setting, number, port.host)) is None:
            return number
    return None


def _bind_problem(port: Port) -> OSError | None:
    """Bind (not listen) every address the server would bind, as it would (SO_REUSEADDR, so
    a closed run's TIME_WAIT does not count); the first error, or None when all are free."""
    try:
        addresses = socket.getaddrinfo(
            port.host, port.number, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as exc:
        return exc
    for family, kind, proto, _, address in addresses:
        try:
            with socket.socket(family, kind, proto) as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(address)
        except OSError as exc:
            if port.host is None and exc.errno != errno.EADDRINUSE:
                continue  # a wildcard family this machine lacks (no IPv6): Node skips it too
            return exc
    return None
