"""Operations: /metrics counts turns, their latency, Graph calls by operation and status, and
jobs; with an OTLP endpoint set, each turn is a span with its Graph calls inside (exported to
a collector stand-in on loopback)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from bot.config import JobSettings, Settings
from bot.observability.tracing import graph_operation
from bot.runtime import build_runtime
from tests.support.activities import message
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("POST", "users/aaaa-bb/onlineMeetings/createOrGet", "POST onlineMeetings/createOrGet"),
        ("PATCH", "me/events/AAMkAGI2TG93AAA%3D", "PATCH events"),
        ("POST", "users/x/events/AAMkAGI2TG93AAA=/cancel", "POST events/cancel"),
        ("GET", "users/x/calendarView?startDateTime=1", "GET calendarView"),
        ("GET", "users?$filter=mail eq 'a@b.c'", "GET users"),
        ("GET", "users/ann@contoso.com", "GET user"),
        ("GET", "me", "GET user"),
    ],
)
def test_graph_calls_are_named_without_ids(method: str, path: str, operation: str) -> None:
    assert graph_operation(method, path) == operation


async def test_metrics_count_turns_graph_calls_and_latency(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    _, service_url = connector
    await bot.post(message("meet now Design sync", service_url))
    await bot.post(message("schedule Retro tomorrow 3pm", service_url))

    response = await bot.http.get(f"{bot.url}/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'meetingbot_turns_total{kind="message",outcome="ok"} 2.0' in text
    assert "meetingbot_turn_seconds_count 2.0" in text
    created = 'operation="POST onlineMeetings/createOrGet",status="201"'
    assert f"meetingbot_graph_requests_total{{{created}}} 1.0" in text
    assert 'meetingbot_graph_requests_total{operation="POST events",status="201"} 1.0' in text
    assert "meetingbot_reminders_sent_total 0.0" in text


@pytest.fixture
async def collector() -> AsyncIterator[tuple[list[ExportTraceServiceRequest], str]]:
    """An OTLP/HTTP collector stand-in: what it was sent, and its base URL."""
    received: list[ExportTraceServiceRequest] = []

    async def traces(request: web.Request) -> web.Response:
        received.append(ExportTraceServiceRequest.FromString(await request.read()))
        return web.Response(body=b"", content_type="application/x-protobuf")

    app = web.Application()
    app.router.add_post("/v1/traces", traces)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield received, str(server.make_url("")).rstrip("/")
    await server.close()


async def test_a_turn_is_a_span_with_its_graph_calls_inside(
    settings: Settings,
    connector: tuple[ConnectorCapture, str],
    collector: tuple[list[ExportTraceServiceRequest], str],
) -> None:
    received, endpoint = collector
    jobs = JobSettings(otlp_endpoint=endpoint, service_name="meeting-bot-test", poll_seconds=0)
    runtime = build_runtime(replace(settings, jobs=jobs), join_link_waits=(0.05,))
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    try:
        async with httpx.AsyncClient(timeout=10) as http:
            activity = message("schedule Retro tomorrow 3pm", connector[1])
            await http.post(f"{server.make_url('/api/messages')}", json=activity)
        assert runtime.telemetry.provider is not None
        await asyncio.to_thread(runtime.telemetry.provider.force_flush)
    finally:
        await server.close()

    spans = [
        span
        for request in received
        for resource in request.resource_spans
        for scope in resource.scope_spans
        for span in scope.spans
    ]
    [turn] = [s for s in spans if s.name == "turn"]
    graph = [s for s in spans if s.name.startswith("graph ")]
    assert {s.name for s in graph} >= {"graph GET calendar", "graph POST events"}
    assert all(s.parent_span_id == turn.span_id for s in graph)
    assert all(s.trace_id == turn.trace_id for s in graph)
    service = received[0].resource_spans[0].resource.attributes
    assert any(
        a.key == "service.name" and a.value.string_value == "meeting-bot-test" for a in service
    )
