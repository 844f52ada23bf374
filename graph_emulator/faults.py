"""Scripted failures, so a Graph client's retry and timeout handling can be tested for real.

A fault acts before the work (the default: the call never reaches its handler, as when Graph
throttles or a gateway fails) or after it (`phase: "afterWork"`: the resource is created or
changed, then the answer is late, an error, or never comes). The second kind is what makes a
client's retries dangerous, and is the one real networks produce: a POST that timed out on the
client may well have created its event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

BEFORE_WORK = "beforeWork"
AFTER_WORK = "afterWork"
PHASES = (BEFORE_WORK, AFTER_WORK)


class FaultSpecError(ValueError):
    """A fault description sent to the control API is malformed; the message says which field."""


@dataclass(frozen=True, slots=True)
class FaultRule:
    """The next `count` Graph calls matching `match`/`method` wait `latency_ms`, then fail.

    `status=None` makes a slow-but-successful call (for client timeout tests).
    `retry_after` is sent verbatim as the Retry-After header: seconds or an HTTP-date.
    `phase`: "beforeWork" (the handler never runs) or "afterWork" (it runs first, so a slow
    success or an error arrives after the resource was written).
    `reset`: instead of answering, close the connection (after the latency), so the client
    sees a dropped connection; with "afterWork", after the write.
    """

    status: int | None = 503
    count: int = 1
    retry_after: str | None = None
    match: str | None = None
    method: str | None = None
    latency_ms: int = 0
    code: str | None = None
    message: str | None = None
    phase: str = BEFORE_WORK
    reset: bool = False

    @property
    def after_work(self) -> bool:
        return self.phase == AFTER_WORK

    def applies_to(self, method: str, path: str) -> bool:
        """Path match is a case-insensitive substring, as Graph paths are case-insensitive."""
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.match is None or self.match.lower() in path.lower()

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "count": self.count,
            "retryAfter": self.retry_after,
            "match": self.match,
            "method": self.method,
            "latencyMs": self.latency_ms,
            "code": self.code,
            "message": self.message,
            "phase": self.phase,
            "reset": self.reset,
        }

    @classmethod
    def from_json(cls, data: object) -> FaultRule:
        """Parse the control API's `{"status": 429, "count": 2, "retryAfter": "1", ...}`."""
        if not isinstance(data, dict):
            raise FaultSpecError('a fault is a JSON object such as {"status": 429}')
        unknown = sorted(set(data) - set(_KNOWN))
        if unknown:
            raise FaultSpecError(f"unknown fault field(s) {unknown}; known: {sorted(_KNOWN)}")
        latency = _int(data, "latencyMs", 0, 0, 600_000)
        reset = data.get("reset", False)
        if not isinstance(reset, bool):
            raise FaultSpecError("'reset' must be true or false")
        status = data.get("status")
        if status is None and latency == 0 and not reset:
            raise FaultSpecError(
                "'status' is required (or give 'latencyMs' for a slow success, or 'reset': true)"
            )
        if status is not None:
            if reset:
                raise FaultSpecError("a 'reset' fault drops the connection, so it has no 'status'")
            status = _int(data, "status", 0, 400, 599)
        phase = data.get("phase", BEFORE_WORK)
        if phase not in PHASES:
            raise FaultSpecError(f"'phase' must be one of {list(PHASES)}, got {phase!r}")
        retry_after = data.get("retryAfter")
        if retry_after is not None and not isinstance(retry_after, str | int):
            raise FaultSpecError("'retryAfter' is seconds (number or string) or an HTTP-date")
        return cls(
            status=status,
            count=_int(data, "count", 1, 1, 1_000_000),
            retry_after=None if retry_after is None else str(retry_after),
            match=_str(data, "match"),
            method=_str(data, "method"),
            latency_ms=latency,
            code=_str(data, "code"),
            message=_str(data, "message"),
            phase=phase,
            reset=reset,
        )


_KNOWN = (
    "status",
    "count",
    "retryAfter",
    "match",
    "method",
    "latencyMs",
    "code",
    "message",
    "phase",
    "reset",
)


class FaultInjector:
    """An ordered list of pending faults; the first one matching a call is used up by it."""

    def __init__(self, initial: tuple[FaultRule, ...] = ()) -> None:
        self._pending: list[FaultRule] = list(initial)

    def add(self, rule: FaultRule) -> None:
        self._pending.append(rule)

    def clear(self) -> None:
        self._pending.clear()

    def pending(self) -> list[FaultRule]:
        return list(self._pending)

    def take(self, method: str, path: str) -> FaultRule | None:
        """The fault for this call, if any, counting it as used."""
        for index, rule in enumerate(self._pending):
            if rule.applies_to(method, path):
                if rule.count > 1:
                    self._pending[index] = replace(rule, count=rule.count - 1)
                else:
                    del self._pending[index]
                return rule
        return None


def _int(data: dict[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise FaultSpecError(f"'{key}' must be an integer from {low} to {high}, got {value!r}")
    return value


def _str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise FaultSpecError(f"'{key}' must be a string, got {value!r}")
    return value
