"""The log of Graph calls the emulator answered, so tests can assert on what a client sent."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

_MAX_ENTRIES = 10_000


def redact_authorization(value: str) -> str:
    """Keep the scheme (it matters to a client test), never the credential."""
    scheme, _, credential = value.partition(" ")
    return f"{scheme} ***" if credential else "***"


class RequestLog:
    """An in-memory, bounded list of recorded requests, oldest first."""

    def __init__(self) -> None:
        self._entries: list[dict[str, Any]] = []

    def record(
        self,
        *,
        method: str,
        path: str,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        body_text: str | None,
        status: int,
        request_id: str,
        time: str,
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
        if body_text:
            try:
                entry["body"] = json.loads(body_text)
            except (ValueError, RecursionError):
                entry["bodyText"] = body_text
        self._entries.append(entry)
        del self._entries[:-_MAX_ENTRIES]

    def entries(self) -> list[dict[str, Any]]:
        return list(self._entries)

    def clear(self) -> None:
        self._entries.clear()
