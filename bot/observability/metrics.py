"""The bot's Prometheus metrics, named for the project, in a registry of their own.

Each runtime has its own registry (tests build several bots in one process); `/metrics` serves it
in Prometheus' text format.
"""

from __future__ import annotations

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

#: Turn latency buckets: most turns take tens of milliseconds, Graph retries take seconds.
TURN_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class _Children:
    """A labelled counter's children, each looked up in prometheus_client once: its `labels()`
    checks the names and takes a lock on every call. A child lives as long as its metric."""

    def __init__(self, counter: Counter) -> None:
        self._counter = counter
        self._found: dict[tuple[str, str], Counter] = {}

    def inc(self, first: str, second: str) -> None:
        """Add one to the child of these two label values (in the metric's label order)."""
        child = self._found.get((first, second))
        if child is None:
            child = self._found[(first, second)] = self._counter.labels(first, second)
        child.inc()


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.turns = Counter(
            "meetingbot_turns",
            "Turns handled, by kind (message, card_action, ...) and outcome (ok, refused, error)",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "meetingbot_turn_seconds",
            "Time from an activity in to the bot's answer sent",
            buckets=TURN_BUCKETS,
            registry=self.registry,
        )
        self.graph_requests = Counter(
            "meetingbot_graph_requests",
            "Graph requests, by operation and HTTP status (0: no answer)",
            ["operation", "status"],
            registry=self.registry,
        )
        self.jobs = Counter(
            "meetingbot_jobs",
            "Jobs run, by kind and outcome (done, skipped, retry, failed, dropped)",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.reminders_sent = Counter(
            "meetingbot_reminders_sent", "Reminder cards posted", registry=self.registry
        )
        self._turns = _Children(self.turns)
        self._graph_requests = _Children(self.graph_requests)
        self._jobs = _Children(self.jobs)

    def turn(self, kind: str, outcome: str, seconds: float) -> None:
        self._turns.inc(kind, outcome)
        self.turn_seconds.observe(seconds)

    def graph_request(self, operation: str, status: int) -> None:
        self._graph_requests.inc(operation, str(status))

    def job(self, kind: str, outcome: str) -> None:
        self._jobs.inc(kind, outcome)

    def reminder_sent(self) -> None:
        self.reminders_sent.inc()

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0 when never set): for tests and `doctor`."""
        found = self.registry.get_sample_value(name, labels)
        return float(found or 0.0)

    async def handle(self, _: web.Request) -> web.Response:
        """GET /metrics."""
        body = generate_latest(self.registry)
        response = web.Response(body=body)
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response
