"""OpenTelemetry traces, exported over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set.

The tracer provider is the runtime's own (not the process-wide global), so two bots in one
process (tests) do not share one; span nesting still follows the current context, so the Graph
calls a turn makes are children of that turn's span. OpenTelemetry (API and SDK) is imported
only when tracing starts: without an endpoint `serve` never loads it.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from opentelemetry.trace import Span, Tracer

_NAME = re.compile(r"^[A-Za-z]{1,40}$")


def start_tracing(
    endpoint: str, service_name: str, exporter: SpanExporter | None = None
) -> TracerProvider | None:
    """A provider batching spans to `endpoint` (…/v1/traces), or None when there is none."""
    if not endpoint and exporter is None:
        return None
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces", timeout=5)
    provider = TracerProvider(
        resource=Resource.create({"service.name": service_name}), shutdown_on_exit=False
    )
    provider.add_span_processor(BatchSpanProcessor(exporter, schedule_delay_millis=1000))
    return provider


#: What a span is with tracing off: nothing, and no generator to run per turn or Graph call
#: (a nullcontext keeps no state, so this one serves every `with`).
NO_SPAN: contextlib.nullcontext[None] = contextlib.nullcontext()


def span(
    tracer: Tracer | None, name: str, **attributes: Any
) -> contextlib.AbstractContextManager[Span | None]:
    """A span named `name` under the current one, or nothing when tracing is off; an exception
    marks it as an error and goes on."""
    if tracer is None:
        return NO_SPAN
    return _span(tracer, name, attributes)


@contextlib.contextmanager
def _span(tracer: Tracer, name: str, attributes: dict[str, Any]) -> Iterator[Span]:
    # A tracer exists only once start_tracing has loaded the SDK, and with it this API module.
    from opentelemetry.trace import Status, StatusCode

    with tracer.start_as_current_span(name, attributes=attributes) as current:
        try:
            yield current
        except BaseException as exc:
            current.set_status(Status(StatusCode.ERROR, type(exc).__name__))
            raise


@functools.lru_cache(maxsize=1024)
def graph_operation(method: str, path: str) -> str:
    """A Graph call named without ids: "POST onlineMeetings/createOrGet", "GET calendarView".
    Remembered for the latest paths: every Graph answer is counted under its name."""
    parts = path.split("?", 1)[0].strip("/").split("/")
    if parts[:1] == ["users"] and len(parts) > 1:
        parts = parts[2:] or ["user"]  # GET users/{id}: one user
    elif parts[:1] == ["me"]:
        parts = parts[1:] or ["user"]
    named = [p for p in parts if _NAME.match(p)]
    return f"{method.upper()} {'/'.join(named) or '/'}"


def tracer_of(provider: TracerProvider | None) -> Tracer | None:
    return provider.get_tracer("meetingbot") if provider is not None else None


__all__ = ["NO_SPAN", "graph_operation", "span", "start_tracing", "tracer_of"]
