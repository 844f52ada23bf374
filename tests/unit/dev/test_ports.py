"""`make run` with a port already taken stops at once: one line naming the port and the setting
to change, a non-zero status, nothing printed as ready, and the other run's files untouched."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.dev.ports import Port, PortUnavailable, check_ports, needed_ports
from tests.browser.make_run import distinct_free_ports, launcher_env
from tests.browser.prereqs import PLAYGROUND_PACKAGES, missing_node, missing_packages, require

SETTINGS = ("PORT", "EMULATOR_PORT", "PLAYGROUND_PORT")
#: What a first `make run` left in the folder: its log, its config, its databases.
OTHER_RUN = {
    "var/playground/playground.log": b"log Listening on 56150\n",
    "var/playground/.m365agentsplayground.yml": b"version: 0.1.1\n",
    "var/emulator.sqlite3": b"SQLite format 3\x00 the first run's meetings",
    "var/bot.sqlite3": b"SQLite format 3\x00 the first run's store",
}


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def other_run(tmp_path: Path) -> Path:
    for name, content in OTHER_RUN.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return tmp_path


@pytest.mark.parametrize("setting", SETTINGS)
def test_a_taken_port_stops_make_run_with_one_line_and_touches_nothing(
    setting: str, other_run: Path
) -> None:
    if setting == "PLAYGROUND_PORT":  # checked only when the playground can start
        require(missing_node() + missing_packages(PLAYGROUND_PACKAGES))
    ports = distinct_free_ports(SETTINGS)
    before = snapshot(other_run)

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", ports[setting]))
        taken.listen()
        result = subprocess.run(
            [sys.executable, "-m", "bot", "serve", "--playground"],
            cwd=other_run,
            env=launcher_env(ports),
            capture_output=True,
            text=True,
            timeout=30,
        )

    assert result.returncode == 1, result
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"meeting-bot serve: port {ports[setting]} is already in use"), line
    assert f"set {setting} to a free port" in line, line
    assert snapshot(other_run) == before


def test_one_port_for_two_servers_is_refused_before_anything_starts() -> None:
    settings = load_settings({"LOCAL_MODE": "true", "PORT": "4000", "PLAYGROUND_PORT": "4000"})

    with pytest.raises(PortUnavailable, match="PORT and PLAYGROUND_PORT are both 4000"):
        check_ports(needed_ports(settings, playground=True))


def test_the_playground_port_counts_as_taken_when_any_address_listens_on_it() -> None:
    """Node listens on every interface: a loopback listener makes it move to a random port."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        number = taken.getsockname()[1]

        with pytest.raises(PortUnavailable, match=f"port {number} is already in use"):
            check_ports([Port("PLAYGROUND_PORT", number, None)])
