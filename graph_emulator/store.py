"""SQLite persistence for emulated Graph resources, as JSON documents owned by tenant + user.

One table serves every resource kind ("onlineMeeting", "event", "calendar", and the control
API's "directoryUser" and "tenantSettings" records): a resource is its JSON document plus the
columns needed to find it without parsing JSON — the owner, an optional natural key
(createOrGet's externalId, an event's transactionId) and an optional UTC time window (for
calendarView-style range queries).
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

JSONObject = dict[str, Any]

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    tenant_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    id          TEXT NOT NULL,
    natural_key TEXT,
    start_utc   TEXT,
    end_utc     TEXT,
    body        TEXT NOT NULL,
    UNIQUE (kind, id),
    UNIQUE (kind, tenant_id, user_id, natural_key)
);
CREATE INDEX IF NOT EXISTS resources_owner ON resources (kind, tenant_id, user_id, start_utc);
"""


class DuplicateResource(Exception):
    """The id, or the owner's natural key, is already taken for this kind of resource."""


class Store:
    """A small document store; calls are synchronous because each is a sub-millisecond query."""

    def __init__(self, path: str | os.PathLike[str] = ":memory:") -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        (version,) = self._conn.execute("PRAGMA user_version").fetchone()
        if version > _SCHEMA_VERSION:
            raise RuntimeError(
                f"{os.fspath(path)} was written by a newer emulator (schema {version}); "
                "delete it or point the emulator at another file"
            )
        self._conn.executescript(_SCHEMA)
        self._conn.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")

    def close(self) -> None:
        self._conn.close()

    def insert(
        self,
        kind: str,
        tenant_id: str,
        user_id: str,
        resource_id: str,
        body: JSONObject,
        *,
        natural_key: str | None = None,
        window: tuple[str, str] | None = None,
    ) -> None:
        """Add a resource; raises DuplicateResource when its id or natural key exists."""
        start, end = window or (None, None)
        try:
            self._conn.execute(
                "INSERT INTO resources"
                " (kind, tenant_id, user_id, id, natural_key, start_utc, end_utc, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (kind, tenant_id, user_id, resource_id, natural_key, start, end, _dump(body)),
            )
        except sqlite3.IntegrityError as error:
            raise DuplicateResource(f"{kind} {resource_id} already exists") from error

    def replace(
        self,
        kind: str,
        tenant_id: str,
        user_id: str,
        resource_id: str,
        body: JSONObject,
        *,
        window: tuple[str, str] | None = None,
    ) -> bool:
        """Overwrite an owned resource's document (a PATCH); False if it does not exist."""
        start, end = window or (None, None)
        cursor = self._conn.execute(
            "UPDATE resources SET body = ?, start_utc = coalesce(?, start_utc),"
            " end_utc = coalesce(?, end_utc)"
            " WHERE kind = ? AND tenant_id = ? AND user_id = ? AND id = ?",
            (_dump(body), start, end, kind, tenant_id, user_id, resource_id),
        )
        return cursor.rowcount > 0

    def get(self, kind: str, tenant_id: str, user_id: str, resource_id: str) -> JSONObject | None:
        """An owned resource by id; another owner's resource is treated as absent."""
        return self._one(
            "kind = ? AND tenant_id = ? AND user_id = ? AND id = ?",
            (kind, tenant_id, user_id, resource_id),
        )

    def get_by_key(
        self, kind: str, tenant_id: str, user_id: str, natural_key: str
    ) -> JSONObject | None:
        return self._one(
            "kind = ? AND tenant_id = ? AND user_id = ? AND natural_key = ?",
            (kind, tenant_id, user_id, natural_key),
        )

    def find(
        self, kind: str, tenant_id: str, user_id: str, json_path: str, value: Any
    ) -> list[JSONObject]:
        """Owned resources whose document has `value` at `json_path` (e.g. `$.joinWebUrl`)."""
        return self._many(
            "kind = ? AND tenant_id = ? AND user_id = ? AND json_extract(body, ?) = ?",
            (kind, tenant_id, user_id, json_path, value),
        )

    def owned(self, kind: str, tenant_id: str, user_id: str) -> list[JSONObject]:
        """Every resource of a kind the user owns, oldest first."""
        return self._many("kind = ? AND tenant_id = ? AND user_id = ?", (kind, tenant_id, user_id))

    def in_tenant(self, kind: str, tenant_id: str) -> list[JSONObject]:
        """Every resource of a kind in a tenant, whoever owns it (e.g. the user directory)."""
        return self._many("kind = ? AND tenant_id = ?", (kind, tenant_id))

    def with_owners(self, kind: str, tenant_id: str) -> list[tuple[str, JSONObject]]:
        """(owner, document) of every resource of a kind in a tenant, oldest first."""
        rows = self._conn.execute(
            "SELECT user_id, body FROM resources WHERE kind = ? AND tenant_id = ? ORDER BY seq",
            (kind, tenant_id),
        ).fetchall()
        return [(str(user), json.loads(body)) for user, body in rows]

    def put(
        self, kind: str, tenant_id: str, user_id: str, resource_id: str, body: JSONObject
    ) -> None:
        """Insert or overwrite a resource by its id (control-API records, not Graph resources)."""
        self._conn.execute(
            "INSERT INTO resources (kind, tenant_id, user_id, id, body) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body",
            (kind, tenant_id, user_id, resource_id, _dump(body)),
        )

    def overlapping(
        self, kind: str, tenant_id: str, user_id: str, start_utc: str, end_utc: str
    ) -> list[JSONObject]:
        """Owned resources whose window overlaps [start, end); times in one sortable format."""
        return self._many(
            "kind = ? AND tenant_id = ? AND user_id = ? AND start_utc < ? AND end_utc > ?",
            (kind, tenant_id, user_id, end_utc, start_utc),
        )

    def delete(self, kind: str, tenant_id: str, user_id: str, resource_id: str) -> bool:
        cursor = self._conn.execute(
            "DELETE FROM resources WHERE kind = ? AND tenant_id = ? AND user_id = ? AND id = ?",
            (kind, tenant_id, user_id, resource_id),
        )
        return cursor.rowcount > 0

    def wipe(self) -> None:
        """Forget every resource (the control API's reset)."""
        self._conn.execute("DELETE FROM resources")

    def _one(self, where: str, params: tuple[Any, ...]) -> JSONObject | None:
        found = self._many(where, params)
        return found[0] if found else None

    def _many(self, where: str, params: tuple[Any, ...]) -> list[JSONObject]:
        rows = self._conn.execute(
            f"SELECT body FROM resources WHERE {where} ORDER BY seq", params
        ).fetchall()
        return [json.loads(body) for (body,) in rows]


def _dump(body: JSONObject) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
