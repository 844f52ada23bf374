"""`meeting-bot emulator` serves the Graph emulator alone, as its own process."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.emulator_fixtures import ALICE, OPAQUE
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def emulator_process(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    port = free_port()
    db = tmp_path / "graph.sqlite3"
    command = [sys.executable, "-m", "bot", "emulator", "--port", str(port), "--db", str(db)]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    with process:
        yield process, port
        process.terminate()
        process.wait(timeout=10)


def wait_until_up(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        try:
            httpx.get(f"http://127.0.0.1:{port}/_emulator/health", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the emulator did not start within 15 s")


def test_meeting_bot_emulator_serves_graph_alone(
    emulator_process: tuple[subprocess.Popen[str], int], tmp_path: Path
) -> None:
    process, port = emulator_process
    wait_until_up(port, process)

    created = httpx.post(
        f"http://127.0.0.1:{port}/v1.0/users/{ALICE}/onlineMeetings/createOrGet",
        json={"externalId": "cli"},
        headers=OPAQUE,
    )

    assert created.status_code == 201
    assert created.json()["joinWebUrl"].startswith("https://teams.microsoft.com/")
    assert (tmp_path / "graph.sqlite3").exists()


def test_a_taken_port_is_one_line_and_exit_status_one() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "bot", "emulator", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )

    assert result.returncode == 1
    assert f"port {port}" in result.stderr
    assert "Traceback" not in result.stderr
