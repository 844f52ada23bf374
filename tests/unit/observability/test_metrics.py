"""Counters count per label set however often a label set repeats, and with tracing off a
turn or a Graph call is no span."""

from __future__ import annotations

from bot.observability import Telemetry
from bot.observability.metrics import Metrics


def test_each_label_set_counts_apart() -> None:
    metrics = Metrics()
    for _ in range(3):
        metrics.turn("message", "ok", 0.01)
    metrics.turn("message", "error", 0.02)
    metrics.graph_request("POST onlineMeetings/createOrGet", 201)
    metrics.graph_request("POST onlineMeetings/createOrGet", 201)
    metrics.graph_request("POST onlineMeetings/createOrGet", 429)
    metrics.job("reminder", "done")

    assert metrics.value("meetingbot_turns_total", kind="message", outcome="ok") == 3
    assert metrics.value("meetingbot_turns_total", kind="message", outcome="error") == 1
    assert metrics.value("meetingbot_turn_seconds_count") == 4
    created = {"operation": "POST onlineMeetings/createOrGet"}
    assert metrics.value("meetingbot_graph_requests_total", **created, status="201") == 2
    assert metrics.value("meetingbot_graph_requests_total", **created, status="429") == 1
    assert metrics.value("meetingbot_jobs_total", kind="reminder", outcome="done") == 1


def test_without_tracing_a_turn_and_a_graph_call_are_no_span() -> None:
    telemetry = Telemetry()
    with telemetry.turn("message") as turn, telemetry.graph_call("GET", "me") as call:
        assert turn is None
        assert call is None
    telemetry.graph_answered("GET", "users/ann@contoso.com", 200)
    assert (
        telemetry.metrics.value(
            "meetingbot_graph_requests_total", operation="GET user", status="200"
        )
        == 1
    )
