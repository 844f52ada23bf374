"""What this process wrote lately, so that writing the same again can be skipped.

Every turn stores its conversation reference (bot/conversation/references.py), and nearly every
turn's reference is the one the previous turn of that conversation stored: the SQL already
leaves an unchanged row alone, but still takes the write lock, a transaction and a hop to the
store's thread. A reference this process saved less than `ttl` seconds ago, unchanged, is not
written again. The cost is bounded staleness across replicas: if another replica deletes the
row (the bot was removed from the conversation) and the bot is added back within `ttl`, this
replica writes the row again at most `ttl` later.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

DEFAULT_TTL_SECONDS = 60.0
DEFAULT_MAX_ENTRIES = 10_000
K = TypeVar("K", bound=Hashable)


class RecentlySaved(Generic[K]):
    """key -> (value, when saved); the least recent go first beyond `max_entries`."""

    def __init__(
        self,
        ttl: float = DEFAULT_TTL_SECONDS,
        *,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._clock = clock
        self._saved: OrderedDict[K, tuple[object, float]] = OrderedDict()

    def unchanged(self, key: K, value: object) -> bool:
        """True when `value` is what was saved under `key` less than `ttl` ago."""
        entry = self._saved.get(key)
        return entry is not None and entry[0] == value and self._clock() - entry[1] < self._ttl

    def saved(self, key: K, value: object) -> None:
        self._saved[key] = (value, self._clock())
        self._saved.move_to_end(key)
        while len(self._saved) > self._max:
            self._saved.popitem(last=False)

    def forget(self, gone: Callable[[K], bool]) -> None:
        """Drop the keys whose rows were deleted, so their next save writes again."""
        for key in [key for key in self._saved if gone(key)]:
            del self._saved[key]
