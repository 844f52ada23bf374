"""When a failed Graph request is worth another try, and how long to wait before it."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bot.graph.errors import RETRYABLE_STATUSES, GraphError, GraphRetryable, GraphTransportError


@dataclass(frozen=True)
class RetryPolicy:
    """429/503/504 and connection failures, at most `max_retries` times, with exponential
    backoff that honours Retry-After; a wait longer than `max_delay` is not waited out (a
    person is waiting in chat), so the error surfaces instead."""

    max_retries: int = 3
    backoff_base: float = 0.5
    max_delay: float = 20.0

    def delay(self, attempt: int, error: GraphError) -> float | None:
        """Seconds to wait before retry number `attempt + 1`, or None to give up."""
        transport = isinstance(error, GraphTransportError)
        if not transport and error.status not in RETRYABLE_STATUSES:
            return None
        if attempt >= self.max_retries:
            return None
        retry_after = error.retry_after if isinstance(error, GraphRetryable) else None
        wait = retry_after if retry_after is not None else self._backoff(attempt)
        return None if wait > self.max_delay else wait

    def _backoff(self, attempt: int) -> float:
        exp = self.backoff_base * (2**attempt)
        return float(exp + random.uniform(0, exp / 2))
