"""Each user's allowed online meeting providers, remembered for a short while.

`schedule` must not create an event whose Teams link the calendar refuses, so it reads the
calendar's `allowedOnlineMeetingProviders` first — a second Graph call per command that almost
never changes. A user's answer is kept for `ttl` seconds, but only when it allows Teams: a "no"
is asked again each time (an admin may be fixing it right now), and a Graph failure while
creating or changing a user's event forgets the user, so the next command reads the calendar.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

DEFAULT_TTL_SECONDS = 300.0
DEFAULT_MAX_USERS = 10_000


class ProviderCache:
    """(tenant, user) -> allowed providers, until `ttl` passes; the least recent go first
    beyond `max_users`. One event loop uses it: no lock."""

    def __init__(
        self,
        ttl: float = DEFAULT_TTL_SECONDS,
        *,
        max_users: int = DEFAULT_MAX_USERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max = max_users
        self._clock = clock
        self._entries: OrderedDict[tuple[str, str], tuple[float, tuple[str, ...]]] = OrderedDict()

    def get(self, tenant_id: str, user_id: str) -> list[str] | None:
        """The remembered providers, or None when unknown or expired."""
        key = (tenant_id, user_id)
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, allowed = entry
        if self._clock() >= expires:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return list(allowed)

    def put(self, tenant_id: str, user_id: str, allowed: Sequence[str]) -> None:
        if self._ttl <= 0:
            return
        key = (tenant_id, user_id)
        self._entries[key] = (self._clock() + self._ttl, tuple(allowed))
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def forget(self, tenant_id: str, user_id: str) -> None:
        """Graph reported a problem for this user: read the calendar again next time."""
        self._entries.pop((tenant_id, user_id), None)
