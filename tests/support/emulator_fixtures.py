"""Fixtures and helpers for the Graph emulator's own tests (loaded via `pytest_plugins`).

Each test gets a fresh emulator on a real loopback port, a pinned clock, and httpx clients for
the Graph API and the control API. Test modules also import the helpers below, before pytest
sees their `pytest_plugins` line, so assertion rewriting is off here (PYTEST_DONT_REWRITE) and
every assert carries its own message instead.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt
import pytest

from graph_emulator import EmulatorSettings, RunningEmulator, start_emulator
from tests.support.contract import assert_valid_graph

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
TENANT = "11111111-1111-1111-1111-111111111111"
OTHER_TENANT = "22222222-2222-2222-2222-222222222222"
ALICE = "aaaaaaaa-0000-0000-0000-000000000001"
BOB = "bbbbbbbb-0000-0000-0000-000000000002"
OPAQUE = {"Authorization": "Bearer not-a-jwt"}
_INNER_ERROR_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


class Clock:
    """A settable "now" for EmulatorSettings.clock."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def token(tid: str = TENANT, oid: str | None = ALICE, **claims: Any) -> dict[str, str]:
    """An Authorization header with a JWT shaped like Entra's (signed, but never verified).

    A claim passed as None is left out (e.g. `scp=None` for an app-only token).
    """
    payload: dict[str, Any] = {"tid": tid, "oid": oid, "scp": "OnlineMeetings.ReadWrite", **claims}
    payload = {key: value for key, value in payload.items() if value is not None}
    encoded = jwt.encode(payload, "local-test-key-that-is-long-enough-for-hs256", "HS256")
    return {"Authorization": f"Bearer {encoded}"}


@dataclass
class GraphHarness:
    running: RunningEmulator
    graph: httpx.AsyncClient
    control: httpx.AsyncClient
    clock: Clock

    async def internal_errors(self) -> int:
        response = await self.control.get("/_emulator/health")
        count: int = response.json()["internalErrors"]
        return count

    async def log(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = (await self.control.get("/_emulator/requests")).json()
        return entries

    async def stored_events(self, user: str = ALICE) -> list[dict[str, Any]]:
        """Every event stored for `user`, as stored (control API)."""
        response = await self.control.get(f"/_emulator/users/{user}/events")
        assert response.status_code == 200, response.text
        events: list[dict[str, Any]] = response.json()
        return events

    async def set_calendar(self, user: str = ALICE, **settings: Any) -> dict[str, Any]:
        """PUT /_emulator/users/{user}/calendar with the given settings; returns the calendar."""
        response = await self.control.put(f"/_emulator/users/{user}/calendar", json=settings)
        assert response.status_code == 200, response.text
        calendar: dict[str, Any] = response.json()
        return calendar

    async def set_join_url_delay(self, seconds: float) -> None:
        response = await self.control.put(
            "/_emulator/settings", json={"joinUrlDelaySeconds": seconds}
        )
        assert response.status_code == 200, response.text


@pytest.fixture
def emulator_clock() -> Clock:
    return Clock()


@pytest.fixture
def emulator_settings(emulator_clock: Clock) -> EmulatorSettings:
    return EmulatorSettings(db_path=":memory:", default_tenant_id=TENANT, clock=emulator_clock)


@pytest.fixture
async def harness(
    emulator_settings: EmulatorSettings, emulator_clock: Clock
) -> AsyncIterator[GraphHarness]:
    running = await start_emulator(emulator_settings)
    async with (
        httpx.AsyncClient(base_url=running.base_url, headers=OPAQUE, timeout=10) as graph,
        httpx.AsyncClient(base_url=running.control_url, timeout=10) as control,
    ):
        running_harness = GraphHarness(running, graph, control, emulator_clock)
        yield running_harness
        # Whatever a test sent, the last-resort 500 handler must not have been needed.
        assert await running_harness.internal_errors() == 0
    await running.close()


def assert_meeting(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    """The response is `status` and its body a strictly valid onlineMeeting."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert_valid_graph(body, "microsoft.graph.onlineMeeting", strict=True)
    return body


def assert_event(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    """The response is `status` and its body a strictly valid event."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert_valid_graph(body, "microsoft.graph.event", strict=True)
    return body


def assert_events(response: httpx.Response) -> dict[str, Any]:
    """A 200 whose body is a strictly valid collection of events."""
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert_valid_graph(body, "microsoft.graph.eventCollectionResponse", strict=True)
    return body


def assert_graph_error(response: httpx.Response, status: int, code: str) -> str:
    """Graph's error shape, ids in headers and body; returns the message for further checks.

    `innerError.date` is checked against Graph's real offset-less format, then given a `Z` so
    the rest of the body can be validated strictly against the schema (a documented quirk).
    """
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    error = body["error"]
    assert error["code"] == code, body
    inner = error["innerError"]
    assert _INNER_ERROR_DATE.match(inner["date"]), inner
    assert inner["request-id"] == response.headers["request-id"]
    assert inner["client-request-id"] == response.headers["client-request-id"]
    with_offset = {"error": {**error, "innerError": {**inner, "date": inner["date"] + "Z"}}}
    assert_valid_graph(with_offset, "microsoft.graph.ODataErrors.ODataError", strict=True)
    message: str = error["message"]
    assert message
    return message
