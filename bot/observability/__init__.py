"""Operations: Prometheus metrics (`/metrics`) and OpenTelemetry traces, for every room to report
into. Imports nothing from the bot nor the Bot Framework SDK: the rooms call it, not the
reverse."""

from bot.observability.telemetry import Telemetry

__all__ = ["Telemetry"]
