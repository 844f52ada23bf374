"""Scripted faults, latency, the request log and the rest of the emulator's control API."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from graph_emulator import EmulatorSettings, FaultRule, start_emulator
from tests.support.emulator_fixtures import (
    ALICE,
    TENANT,
    GraphHarness,
    assert_graph_error,
    assert_meeting,
)

pytest_plugins = ["tests.support.emulator_fixtures"]

MEETINGS = f"/users/{ALICE}/onlineMeetings"
CREATE_OR_GET = f"{MEETINGS}/createOrGet"


async def inject(h: GraphHarness, **fault: Any) -> dict[str, Any]:
    response = await h.control.post("/_emulator/faults", json=fault)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_throttling_answers_429_with_retry_after_until_the_count_is_used_up(
    harness: GraphHarness,
) -> None:
    await inject(harness, status=429, count=2, retryAfter="1")
    for _ in range(2):
        response = await harness.graph.post(CREATE_OR_GET, json={"externalId": "t"})
        assert_graph_error(response, 429, "TooManyRequests")
        assert response.headers["Retry-After"] == "1"
    assert_meeting(await harness.graph.post(CREATE_OR_GET, json={"externalId": "t"}), 201)
    pending = (await harness.control.get("/_emulator/faults")).json()
    assert pending == {"faults": []}


async def test_retry_after_can_be_an_http_date_or_a_number(harness: GraphHarness) -> None:
    date = "Wed, 25 Nov 2026 10:00:05 GMT"
    await inject(harness, status=503, retryAfter=date)
    await inject(harness, status=429, retryAfter=7)
    first = await harness.graph.post(CREATE_OR_GET, json={"externalId": "a"})
    assert_graph_error(first, 503, "ServiceNotAvailable")
    assert first.headers["Retry-After"] == date
    second = await harness.graph.post(CREATE_OR_GET, json={"externalId": "a"})
    assert second.headers["Retry-After"] == "7"


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (503, "ServiceNotAvailable"),
        (504, "GatewayTimeout"),
        (500, "InternalServerError"),
        (403, "Forbidden"),
        (418, "UnknownError"),
    ],
    ids=["503", "504", "500", "403", "other"],
)
async def test_each_status_gets_graphs_error_code(
    harness: GraphHarness, status: int, code: str
) -> None:
    await inject(harness, status=status)
    response = await harness.graph.get(f"{MEETINGS}/x")
    assert_graph_error(response, status, code)
    assert "Retry-After" not in response.headers
    assert_graph_error(await harness.graph.get(f"{MEETINGS}/x"), 404, "NotFound")


async def test_code_and_message_can_be_scripted(harness: GraphHarness) -> None:
    await inject(harness, status=403, code="Forbidden", message="Application access policy")
    response = await harness.graph.post(CREATE_OR_GET, json={"externalId": "p"})
    assert assert_graph_error(response, 403, "Forbidden") == "Application access policy"


async def test_match_limits_the_fault_to_paths_containing_it(harness: GraphHarness) -> None:
    await inject(harness, status=503, match="createOrGet")
    assert_graph_error(await harness.graph.get(f"{MEETINGS}/x"), 404, "NotFound")
    response = await harness.graph.post(CREATE_OR_GET, json={"externalId": "m"})
    assert_graph_error(response, 503, "ServiceNotAvailable")


async def test_method_limits_the_fault_to_that_method(harness: GraphHarness) -> None:
    await inject(harness, status=503, method="get")
    assert_meeting(await harness.graph.post(CREATE_OR_GET, json={"externalId": "m"}), 201)
    assert_graph_error(await harness.graph.get(f"{MEETINGS}/x"), 503, "ServiceNotAvailable")


async def test_faults_are_used_in_the_order_they_were_added(harness: GraphHarness) -> None:
    await inject(harness, status=503)
    await inject(harness, status=504)
    statuses = [(await harness.graph.get(f"{MEETINGS}/x")).status_code for _ in range(3)]
    assert statuses == [503, 504, 404]


async def test_a_fault_applies_before_authentication(harness: GraphHarness) -> None:
    await inject(harness, status=429)
    response = await harness.graph.get(f"{MEETINGS}/x", headers={"Authorization": ""})
    assert_graph_error(response, 429, "TooManyRequests")


async def test_latency_only_fault_delays_a_successful_call(harness: GraphHarness) -> None:
    await inject(harness, latencyMs=300)
    started = time.monotonic()
    assert_meeting(await harness.graph.post(CREATE_OR_GET, json={"externalId": "slow"}), 201)
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    assert_meeting(await harness.graph.post(CREATE_OR_GET, json={"externalId": "slow"}), 200)
    assert time.monotonic() - started < 0.3


async def test_latency_then_failure(harness: GraphHarness) -> None:
    await inject(harness, status=504, latencyMs=200)
    started = time.monotonic()
    assert_graph_error(await harness.graph.get(f"{MEETINGS}/x"), 504, "GatewayTimeout")
    assert time.monotonic() - started >= 0.2


@pytest.mark.parametrize(
    "fault",
    [
        {},
        {"status": 200},
        {"status": "429"},
        {"status": 429, "count": 0},
        {"status": 429, "statsu": 1},
        {"status": 429, "retryAfter": {"s": 1}},
        {"status": 429, "match": 5},
        {"latencyMs": -1},
        [{"status": 429}, {"status": True}],
    ],
    ids=[
        "empty",
        "success-status",
        "string-status",
        "zero-count",
        "misspelled-field",
        "object-retry-after",
        "numeric-match",
        "negative-latency",
        "one-bad-in-list",
    ],
)
async def test_malformed_fault_specs_are_rejected(harness: GraphHarness, fault: Any) -> None:
    response = await harness.control.post("/_emulator/faults", json=fault)
    assert_graph_error(response, 400, "BadRequest")
    assert (await harness.control.get("/_emulator/faults")).json() == {"faults": []}


async def test_a_list_of_faults_can_be_added_at_once(harness: GraphHarness) -> None:
    body = await harness.control.post(
        "/_emulator/faults", json=[{"status": 503}, {"status": 429, "count": 3}]
    )
    assert [f["status"] for f in body.json()["faults"]] == [503, 429]


async def test_clearing_faults(harness: GraphHarness) -> None:
    await inject(harness, status=503, count=10)
    assert (await harness.control.delete("/_emulator/faults")).status_code == 204
    assert_meeting(await harness.graph.post(CREATE_OR_GET, json={"externalId": "c"}), 201)


async def test_faults_and_latency_from_settings() -> None:
    settings = EmulatorSettings(
        default_tenant_id=TENANT,
        latency_ms=150,
        faults=(FaultRule(status=503, count=1, match="onlineMeetings"),),
    )
    running = await start_emulator(settings)
    try:
        async with httpx.AsyncClient(
            base_url=running.base_url, headers={"Authorization": "Bearer t"}
        ) as graph:
            started = time.monotonic()
            first = await graph.post(CREATE_OR_GET, json={"externalId": "s"})
            assert time.monotonic() - started >= 0.15
            assert_graph_error(first, 503, "ServiceNotAvailable")
            assert_meeting(await graph.post(CREATE_OR_GET, json={"externalId": "s"}), 201)
    finally:
        await running.close()


# -- request log --------------------------------------------------------------------------------


async def test_request_log_records_graph_calls_with_authorization_redacted(
    harness: GraphHarness,
) -> None:
    await inject(harness, status=429, count=1)
    body = {"externalId": "logged", "subject": "Hello"}
    await harness.graph.post(CREATE_OR_GET, json=body, headers={"Authorization": "Bearer s3cret"})
    await harness.graph.post(CREATE_OR_GET, json=body, headers={"Authorization": "Bearer s3cret"})
    await harness.graph.get(MEETINGS, params={"$filter": "JoinWebUrl eq 'x'"})
    log = await harness.log()
    assert [(e["method"], e["path"], e["status"]) for e in log] == [
        ("POST", f"/v1.0{CREATE_OR_GET}", 429),
        ("POST", f"/v1.0{CREATE_OR_GET}", 201),
        ("GET", f"/v1.0{MEETINGS}", 200),
    ]
    assert log[1]["body"] == body
    assert log[1]["headers"]["Authorization"] == "Bearer ***"
    assert "s3cret" not in str(log)
    assert log[2]["query"] == {"$filter": "JoinWebUrl eq 'x'"}
    assert log[2]["body"] is None


async def test_request_log_keeps_unparseable_bodies_as_text(harness: GraphHarness) -> None:
    await harness.graph.post(CREATE_OR_GET, content=b"{nope")
    (entry,) = await harness.log()
    assert entry["status"] == 400
    assert entry["body"] is None
    assert entry["bodyText"] == "{nope"


async def test_control_calls_are_not_logged_and_the_log_can_be_cleared(
    harness: GraphHarness,
) -> None:
    await harness.graph.get(f"{MEETINGS}/x")
    await harness.control.get("/_emulator/health")
    assert len(await harness.log()) == 1
    assert (await harness.control.delete("/_emulator/requests")).status_code == 204
    assert await harness.log() == []


# -- reset and health ---------------------------------------------------------------------------


async def test_reset_forgets_meetings_faults_and_the_log(harness: GraphHarness) -> None:
    meeting = assert_meeting(await harness.graph.post(CREATE_OR_GET, json={"externalId": "r"}), 201)
    await inject(harness, status=503, count=5, match="nothing-matches-this")
    assert (await harness.control.post("/_emulator/reset")).status_code == 204
    assert await harness.log() == []
    assert (await harness.control.get("/_emulator/faults")).json() == {"faults": []}
    assert_graph_error(await harness.graph.get(f"{MEETINGS}/{meeting['id']}"), 404, "NotFound")


async def test_health(harness: GraphHarness) -> None:
    response = await harness.control.get("/_emulator/health")
    assert response.json() == {"status": "ok", "internalErrors": 0, "pendingFaults": 0}
