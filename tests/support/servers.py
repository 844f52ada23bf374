"""Shared real servers on loopback: the Graph emulator, the Bot Connector capture, the bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestServer

from bot.config import Settings, load_settings
from bot.conversation.commands import utcnow
from bot.runtime import build_runtime
from graph_emulator import EmulatorSettings, RunningEmulator, start_emulator
from tests.support.connector import ConnectorCapture, start_connector
from tests.support.contract import graph_errors


@dataclass
class Emulator:
    """The running emulator plus its control API, for arranging faults and reading its log."""

    running: RunningEmulator
    control: httpx.AsyncClient

    @property
    def base_url(self) -> str:
        return self.running.base_url

    async def inject(self, **fault: Any) -> None:
        response = await self.control.post("/_emulator/faults", json=fault)
        response.raise_for_status()

    async def requests(self) -> list[dict[str, Any]]:
        response = await self.control.get("/_emulator/requests")
        response.raise_for_status()
        log: list[dict[str, Any]] = response.json()
        return log

    async def graph_calls(self, fragment: str = "", method: str = "") -> list[dict[str, Any]]:
        return [
            r
            for r in await self.requests()
            if fragment in r["path"] and (not method or r["method"] == method)
        ]

    async def events_of(self, user: str) -> list[dict[str, Any]]:
        """Every event stored for a user, cancelled ones included (emulator inspection API)."""
        response = await self.control.get(f"/_emulator/users/{user}/events")
        response.raise_for_status()
        body = response.json()
        events: list[dict[str, Any]] = body["value"] if isinstance(body, dict) else body
        return events

    async def meetings_of(self, user: str) -> list[dict[str, Any]]:
        """Every online meeting stored for a user (emulator inspection API)."""
        response = await self.control.get(f"/_emulator/users/{user}/onlineMeetings")
        response.raise_for_status()
        meetings: list[dict[str, Any]] = response.json()
        return meetings

    async def put(self, path: str, body: dict[str, Any]) -> None:
        response = await self.control.put(path, json=body)
        response.raise_for_status()


@pytest.fixture
async def emulator(tmp_path: Path) -> AsyncIterator[Emulator]:
    running = await start_emulator(
        EmulatorSettings(db_path=str(tmp_path / "graph.sqlite3")), shutdown_timeout=0.5
    )
    async with httpx.AsyncClient(base_url=running.control_url) as control:
        yield Emulator(running, control)
    await running.close()


@pytest.fixture
async def connector() -> AsyncIterator[tuple[ConnectorCapture, str]]:
    capture, server = await start_connector()
    yield capture, str(server.make_url("")).rstrip("/")
    await server.close()


CANCEL_BODY = (
    "#/paths/~1me~1events~1{event-id}~1cancel/post/requestBody/content/application~1json/schema"
)


def contract_for(method: str, path: str) -> str | None:
    """Which part of Microsoft's schema a request body the bot sent must match."""
    if method == "POST" and path.endswith("/onlineMeetings/createOrGet"):
        return "createOrGetRequestBody"
    if method == "POST" and path.endswith("/calendar/getSchedule"):
        return "getScheduleRequestBody"
    if method == "PATCH" and "/onlineMeetings/" in path:
        return "microsoft.graph.onlineMeeting"
    if method == "POST" and path.endswith("/cancel"):
        return CANCEL_BODY
    if method in ("POST", "PATCH") and "/events" in path:
        return "microsoft.graph.event"
    return None


@pytest.fixture
async def graph_contract(emulator: Emulator) -> AsyncIterator[None]:
    """After the test: every body the bot sent Graph matches Microsoft's schema, strictly."""
    yield
    problems = []
    for call in await emulator.requests():
        contract = contract_for(call["method"], call["path"])
        if contract and isinstance(call.get("body"), dict):
            problems += [
                f"{call['method']} {call['path']}: {error}"
                for error in graph_errors(call["body"], contract, strict=True)
            ]
    assert not problems, "\n".join(problems)


@pytest.fixture
def settings(emulator: Emulator, tmp_path: Path) -> Settings:
    base = load_settings({"LOCAL_MODE": "true", "DEFAULT_TIMEZONE": "UTC"})
    return replace(
        base,
        graph_base_url=emulator.base_url,
        graph_max_retries=2,
        bot_db=tmp_path / "bot.sqlite3",
    )


@dataclass
class BotUnderTest:
    url: str
    http: httpx.AsyncClient

    async def post(self, activity: dict[str, Any], **headers: str) -> httpx.Response:
        return await self.http.post(f"{self.url}/api/messages", json=activity, headers=headers)

    async def press(self, activity: dict[str, Any]) -> dict[str, Any]:
        """Send an adaptiveCard/action invoke; return the card Teams would show in place."""
        response = await self.post(activity)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert body["type"] == "application/vnd.microsoft.card.adaptive", body
        card: dict[str, Any] = body["value"]
        return card


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    """The bot's idea of "now"; modules pin it by overriding this fixture."""
    return utcnow


@pytest.fixture
async def bot(settings: Settings, bot_clock: Callable[[], datetime]) -> AsyncIterator[BotUnderTest]:
    runtime = build_runtime(settings, clock=bot_clock, join_link_waits=(0.05, 0.1, 0.2))
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    async with httpx.AsyncClient(timeout=10) as http:
        yield BotUnderTest(str(server.make_url("")).rstrip("/"), http)
    await server.close()
