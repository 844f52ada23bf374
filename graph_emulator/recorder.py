"""The log of Graph calls the emulator answered, so tests can assert on what a client sent."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Mapping
from typing import Any

#: How many calls the log keeps when EmulatorSettings does not say (oldest dropped first).
DEFAULT_LIMIT = 5_000


def redact_authorization(value: str) -> str:
    """Keep the scheme (it matters to a client test), never the credential."""
    scheme, _, credential = value.partition(" ")
    return f"{scheme} ***" if credential else "***"


class RequestLog:
    """An in-memory, bounded list of recorded requests, oldest first.

    Bounded so a long-running `--local` emulator (or a soak test) does not grow without end;
    only the last `limit` calls are kept.
    """

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=limit)

    @property
    def limit(self) -> int:
        return self._entries.maxlen or 0

    def set_limit(self, limit: int) -> None:
        """Keep at most `limit` calls from now on (the newest, if some must go)."""
        self._entries = deque(self._entries, maxlen=limit)

    def record(
        self,
        *,
        method: str,
        path: str,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        body_text: str | None,
        status: int | None,
        request_id: str,
        time: str,
        connection_reset: bool = False,
    ) -> None:
        entry: dict[str, Any] = {
            "method": method,
            "path": path,
            "query": dict(query),
            "headers": {
                name: redact_authorization(value) if name.lower() == "authorization" else value
                for name, value in headers.items()
            },
            "body": None,
            "status": status,
            "requestId": request_id,
            "time": time,
        }
        if connection_reset:  # a scripted reset: the client never saw `status`
            entry["connectionReset"] = True
        if body_text:
            try:
                entry["body"] = json.loads(body_text)
            except (ValueError, RecursionError):
                entry["bodyText"] = body_text
        self._entries.append(entry)

    def entries(self) -> list[dict[str, Any]]:
        return list(self._entries)

    def clear(self) -> None:
        self._entries.clear()
