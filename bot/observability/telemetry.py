"""One object the rooms report into: metrics always, spans when tracing is on."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import Span

from bot.observability.metrics import Metrics
from bot.observability.tracing import graph_operation, span, tracer_of


class Telemetry:
    def __init__(
        self, metrics: Metrics | None = None, provider: TracerProvider | None = None
    ) -> None:
        self.metrics = metrics or Metrics()
        self.provider = provider
        self._tracer = tracer_of(provider)

    def span(self, name: str, **attributes: Any) -> contextlib.AbstractContextManager[Span | None]:
        return span(self._tracer, name, **attributes)

    @contextlib.contextmanager
    def turn(self, kind: str) -> Iterator[Span | None]:
        with self.span("turn", **{"meetingbot.turn.kind": kind}) as current:
            yield current

    @contextlib.contextmanager
    def graph_call(self, method: str, path: str) -> Iterator[Span | None]:
        """The span of one Graph call, retries included (each attempt is counted apart)."""
        operation = graph_operation(method, path)
        with self.span(f"graph {operation}", **{"http.request.method": method}) as current:
            yield current

    def graph_answered(self, method: str, path: str, status: int) -> None:
        self.metrics.graph_request(graph_operation(method, path), status)

    def shutdown(self) -> None:
        """Send what is buffered (a second or so), then stop exporting."""
        if self.provider is not None:
            self.provider.shutdown()
