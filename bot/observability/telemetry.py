"""One object the rooms report into: metrics always, spans when tracing is on."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from bot.observability.metrics import Metrics
from bot.observability.tracing import NO_SPAN, graph_operation, span, tracer_of

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Span


class Telemetry:
    def __init__(
        self, metrics: Metrics | None = None, provider: TracerProvider | None = None
    ) -> None:
        self.metrics = metrics or Metrics()
        self.provider = provider
        self._tracer = tracer_of(provider)

    def span(self, name: str, **attributes: Any) -> contextlib.AbstractContextManager[Span | None]:
        return span(self._tracer, name, **attributes)

    def turn(self, kind: str) -> contextlib.AbstractContextManager[Span | None]:
        if self._tracer is None:  # not even the attributes to build
            return NO_SPAN
        return self.span("turn", **{"meetingbot.turn.kind": kind})

    def graph_call(self, method: str, path: str) -> contextlib.AbstractContextManager[Span | None]:
        """The span of one Graph call, retries included (each attempt is counted apart)."""
        if self._tracer is None:  # nor the operation to name
            return NO_SPAN
        operation = graph_operation(method, path)
        return self.span(f"graph {operation}", **{"http.request.method": method})

    def graph_answered(self, method: str, path: str, status: int) -> None:
        self.metrics.graph_request(graph_operation(method, path), status)

    def shutdown(self) -> None:
        """Send what is buffered (a second or so), then stop exporting."""
        if self.provider is not None:
            self.provider.shutdown()
