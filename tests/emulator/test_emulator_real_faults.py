"""Faults as networks make them: work done then a late answer, a reset after the write, and a
bounded request log. The existing fault API (test_emulator_faults.py) keeps its meaning."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from graph_emulator import EmulatorSettings, start_emulator
from tests.emulator.test_emulator_events import EVENTS, event_body
from tests.support.emulator_fixtures import (
    TENANT,
    GraphHarness,
    assert_event,
    assert_graph_error,
)

pytest_plugins = ["tests.support.emulator_fixtures"]


async def inject(h: GraphHarness, **fault: Any) -> None:
    response = await h.control.post("/_emulator/faults", json=fault)
    assert response.status_code == 201, response.text


async def test_slow_success_does_the_work_then_answers_late(harness: GraphHarness) -> None:
    """A client that times out has not learned the outcome: the event exists, and only the
    retry's transactionId (Create event: "transactionId ... avoids redundant processing")
    keeps the second attempt from creating another one."""
    await inject(harness, latencyMs=600, phase="afterWork", method="POST")
    body = event_body(transactionId="tx-slow")
    with pytest.raises(httpx.ReadTimeout):
        await harness.graph.post(EVENTS, json=body, timeout=0.2)
    [stored] = await harness.stored_events()
    retried = assert_event(await harness.graph.post(EVENTS, json=body), 201)
    assert retried["id"] == stored["id"]
    assert len(await harness.stored_events()) == 1


async def test_reset_after_write_drops_the_connection_but_keeps_the_event(
    harness: GraphHarness,
) -> None:
    """The write happened; the client only sees the connection close without a response."""
    await inject(harness, reset=True, phase="afterWork", method="POST")
    with pytest.raises(httpx.RemoteProtocolError):
        await harness.graph.post(EVENTS, json=event_body())
    assert len(await harness.stored_events()) == 1
    [entry] = await harness.log()
    assert (entry["status"], entry["connectionReset"]) == (201, True)


async def test_reset_before_work_writes_nothing(harness: GraphHarness) -> None:
    await inject(harness, reset=True)
    with pytest.raises(httpx.RemoteProtocolError):
        await harness.graph.post(EVENTS, json=event_body())
    assert await harness.stored_events() == []
    [entry] = await harness.log()
    assert (entry["status"], entry["connectionReset"]) == (None, True)


async def test_an_error_after_work_leaves_the_event_created(harness: GraphHarness) -> None:
    """A gateway 504 says nothing about whether the backend wrote: here it did."""
    await inject(harness, status=504, phase="afterWork", method="POST")
    response = await harness.graph.post(EVENTS, json=event_body())
    assert_graph_error(response, 504, "GatewayTimeout")
    assert len(await harness.stored_events()) == 1


async def test_latency_starts_once_the_body_has_arrived(harness: GraphHarness) -> None:
    """The server is slow after it has the request, not while the client is still sending."""
    await inject(harness, latencyMs=300)
    payload = httpx.Request("POST", "http://x", json=event_body()).content

    async def slowly() -> AsyncIterator[bytes]:
        for index in range(0, len(payload), len(payload) // 3 + 1):
            await asyncio.sleep(0.1)
            yield payload[index : index + len(payload) // 3 + 1]

    started = time.monotonic()
    response = await harness.graph.post(
        EVENTS, content=slowly(), headers={"Content-Type": "application/json"}
    )
    assert_event(response, 201)
    assert time.monotonic() - started >= 0.6


@pytest.mark.parametrize(
    "fault",
    [{"reset": True, "status": 503}, {"status": 503, "phase": "later"}, {"reset": "yes"}],
    ids=["reset-with-status", "unknown-phase", "reset-not-boolean"],
)
async def test_malformed_new_fault_fields_are_rejected(
    harness: GraphHarness, fault: dict[str, Any]
) -> None:
    response = await harness.control.post("/_emulator/faults", json=fault)
    assert_graph_error(response, 400, "BadRequest")


async def test_pending_faults_show_their_phase_and_reset(harness: GraphHarness) -> None:
    await inject(harness, reset=True, phase="afterWork")
    [fault] = (await harness.control.get("/_emulator/faults")).json()["faults"]
    assert (fault["phase"], fault["reset"], fault["status"]) == ("afterWork", True, None)


# -- the request log is bounded -----------------------------------------------------------------


async def test_the_request_log_keeps_only_the_newest_calls() -> None:
    """EmulatorSettings.request_log_limit bounds /_emulator/requests; the oldest go first."""
    running = await start_emulator(EmulatorSettings(default_tenant_id=TENANT, request_log_limit=3))
    try:
        async with httpx.AsyncClient(
            base_url=running.control_url, headers={"Authorization": "Bearer t"}
        ) as client:
            for number in range(5):
                await client.get(f"/v1.0/users/u{number}/calendar")
            log = (await client.get("/_emulator/requests")).json()
            assert [entry["path"] for entry in log] == [
                f"/v1.0/users/u{number}/calendar" for number in (2, 3, 4)
            ]
    finally:
        await running.close()


async def test_the_log_limit_can_be_changed_at_run_time(harness: GraphHarness) -> None:
    settings = (await harness.control.get("/_emulator/settings")).json()
    assert settings["requestLogLimit"] == 5000
    response = await harness.control.put("/_emulator/settings", json={"requestLogLimit": 2})
    assert response.json()["requestLogLimit"] == 2
    for _ in range(4):
        await harness.graph.get(EVENTS)
    assert len(await harness.log()) == 2
    bad = await harness.control.put("/_emulator/settings", json={"requestLogLimit": 0})
    assert_graph_error(bad, 400, "BadRequest")
