"""When a failed Graph request is worth another try, and how long to wait before it."""

from __future__ import annotations

import random
from dataclasses import dataclass

from bot.graph.errors import GraphError, GraphRetryable, GraphTransportError

#: Answers that say "not now" without saying the work was not done: retried only for a
#: request that is safe to repeat (a create with its externalId or transactionId, a PATCH, a GET).
MAYBE_DONE_STATUSES = frozenset({500, 502, 503, 504})
#: Graph refused the request before doing anything: always worth a retry.
NOT_DONE_STATUSES = frozenset({429})
#: Leave at least this long for the retry itself inside a deadline.
MIN_ATTEMPT_SECONDS = 1.0


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class RetryPolicy:
    """At most `max_retries` retries, with exponential backoff that honours Retry-After.

    Inside a deadline a wait is made only while it and one more attempt fit in what is left;
    outside one, a wait longer than `max_delay` is not waited out. Either way the error
    surfaces with Graph's hint, so the user can be told when to try again."""

    max_retries: int = 3
    backoff_base: float = 0.5
    max_delay: float = 20.0

    def delay(
        self,
        attempt: int,
        error: GraphError,
        *,
        idempotent: bool = True,
        remaining: float | None = None,
    ) -> float | None:
        """Seconds to wait before retry number `attempt + 1`, or None to give up."""
        if attempt >= self.max_retries or not self.retryable(error, idempotent):
            return None
        retry_after = error.retry_after if isinstance(error, GraphRetryable) else None
        wait = retry_after if retry_after is not None else self._backoff(attempt)
        if remaining is not None:
            return wait if wait + MIN_ATTEMPT_SECONDS <= remaining else None
        return None if wait > self.max_delay else wait

    @staticmethod
    def retryable(error: GraphError, idempotent: bool) -> bool:
        if isinstance(error, GraphTransportError):
            return idempotent or not error.sent
        if error.status in NOT_DONE_STATUSES:
            return True
        return idempotent and error.status in MAYBE_DONE_STATUSES

    def _backoff(self, attempt: int) -> float:
        exp = self.backoff_base * (2**attempt)
        return float(exp + random.uniform(0, exp / 2))
