"""What `meeting-bot serve` logs, run as a real process: at INFO one short line per turn (kind,
outcome, milliseconds) and nothing per HTTP request; LOG_LEVEL=DEBUG shows everything."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.make_run import distinct_free_ports, launcher_env
from tests.support.activities import invoke, message
from tests.support.connector import ConnectorCapture, start_connector

TURN = re.compile(r" INFO bot\.transport\.handler: turn kind=(\w+) outcome=(\w+) ms=\d+$")
LOGGER = re.compile(r"^\S+ \S+ [A-Z]+ (\S+): ")
SUBJECT = "Merger talks"  # what the user typed never reaches the log


@dataclass
class Served:
    url: str
    process: asyncio.subprocess.Process
    lines: list[str]

    async def stop(self) -> list[str]:
        """Ctrl-C; every line it logged."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            rest, _ = await asyncio.wait_for(self.process.communicate(), 15)
            self.lines.extend(rest.decode().splitlines())
        return self.lines


async def _read_until(process: asyncio.subprocess.Process, lines: list[str], text: str) -> None:
    assert process.stdout is not None
    while not any(text in line for line in lines):
        raw = await process.stdout.readline()
        assert raw, "the bot exited:\n" + "\n".join(lines)
        lines.append(raw.decode().rstrip())


@pytest.fixture
async def serve(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Served]:
    """`meeting-bot serve` (local mode, its emulator) at the LOG_LEVEL the test names."""
    ports = distinct_free_ports(("PORT", "EMULATOR_PORT"))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        cwd=tmp_path,
        env=launcher_env(ports, LOG_LEVEL=request.param),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    lines: list[str] = []
    try:
        await asyncio.wait_for(_read_until(process, lines, "Bot endpoint"), 30)
        yield Served(f"http://127.0.0.1:{ports['PORT']}/api/messages", process, lines)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            await asyncio.wait_for(process.communicate(), 15)


async def meet_now_then_add_to_calendar(served: Served) -> None:
    """Two turns as Teams sends them: a typed command, then a press on its card's button."""
    capture, connector = await start_connector()
    service_url = str(connector.make_url("")).rstrip("/")
    try:
        async with httpx.AsyncClient(timeout=15) as http:
            sent = await http.post(served.url, json=message(f"meet now {SUBJECT}", service_url))
            assert sent.status_code < 300, sent.text
            pressed = await http.post(
                served.url, json=invoke(add_to_calendar(capture), service_url)
            )
            assert pressed.status_code == 200, pressed.text
    finally:
        await connector.close()


def logger(line: str) -> str:
    match = LOGGER.search(line)
    assert match, line
    return match.group(1)


def add_to_calendar(capture: ConnectorCapture) -> dict[str, Any]:
    [card] = capture.cards()
    [action] = [a for a in card["actions"] if a.get("verb") == "add_to_calendar"]
    data: dict[str, Any] = action["data"]
    return data


@pytest.mark.parametrize("serve", ["INFO"], indirect=True)
async def test_info_logs_one_line_per_turn_and_no_line_per_request(serve: Served) -> None:
    await meet_now_then_add_to_calendar(serve)

    lines = await serve.stop()

    turns = [match.groups() for line in lines if (match := TURN.search(line))]
    assert turns == [("message", "ok"), ("card_action", "ok")], lines
    # The only INFO lines; start-up's are WARNINGs. No access log, no Graph request lines,
    # no library's warnings: every line is the bot's own.
    assert [line for line in lines if " INFO " in line] == [
        line for line in lines if TURN.search(line)
    ]
    assert all(logger(line).startswith("bot.") for line in lines), lines
    assert SUBJECT not in "\n".join(lines)


@pytest.mark.parametrize("serve", ["DEBUG"], indirect=True)
async def test_debug_shows_every_request_too(serve: Served) -> None:
    await meet_now_then_add_to_calendar(serve)

    lines = await serve.stop()

    assert sum(bool(TURN.search(line)) for line in lines) == 2
    assert any(" aiohttp.access: " in line and "POST /api/messages" in line for line in lines)
    assert any(" httpx: HTTP Request: POST" in line for line in lines)
