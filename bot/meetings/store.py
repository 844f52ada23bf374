"""What the bot remembers in SQLite: the meetings it created, and card actions already done.

Graph cannot list standalone online meetings, and `cancel <name>` must only touch meetings this
bot created, so the bot keeps its own record. Queries are small and local, run inline.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.meetings.model import DialIn, Meeting, Requester

SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    graph_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL,
    join_url TEXT,
    cancelled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, user_id, kind, graph_id)
);
CREATE TABLE IF NOT EXISTS done_actions (
    action_key TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);
"""


COLUMNS = (
    "tenant_id, user_id, kind, graph_id, subject, start_utc, end_utc, join_url, cancelled, details"
)
MIGRATIONS = (
    # (table, column, definition): columns added after a table was first created
    ("meetings", "details", "TEXT NOT NULL DEFAULT '{}'"),
)


@dataclass(frozen=True)
class MeetingRecord:
    tenant_id: str
    user_id: str
    kind: str  # "online" | "event"
    graph_id: str
    subject: str
    start: datetime
    end: datetime
    join_url: str | None
    cancelled: bool = False
    # What the card shows besides the basics: organizer_name, attendees, dial_in.
    details: dict[str, Any] = field(default_factory=dict, compare=False)


class Storage:
    def __init__(self, path: str | Path = ":memory:") -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None)
        self._db.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Add columns newer versions need to a database an older version created."""
        for table, column, definition in MIGRATIONS:
            columns = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in columns:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    def close(self) -> None:
        self._db.close()

    def remember(self, record: MeetingRecord) -> None:
        self._db.execute(
            "INSERT INTO meetings (tenant_id, user_id, kind, graph_id, subject, start_utc, "
            "end_utc, join_url, cancelled, created_at, details) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT DO UPDATE SET subject=excluded.subject, start_utc=excluded.start_utc, "
            "end_utc=excluded.end_utc, join_url=excluded.join_url, cancelled=excluded.cancelled, "
            "details=excluded.details",
            (
                record.tenant_id,
                record.user_id,
                record.kind,
                record.graph_id,
                record.subject,
                record.start.astimezone(UTC).isoformat(),
                record.end.astimezone(UTC).isoformat(),
                record.join_url,
                int(record.cancelled),
                datetime.now(UTC).isoformat(),
                json.dumps(record.details),
            ),
        )

    def find(self, tenant_id: str, user_id: str, kind: str, graph_id: str) -> MeetingRecord | None:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM meetings "
            "WHERE tenant_id=? AND user_id=? AND kind=? AND graph_id=?",
            (tenant_id, user_id, kind, graph_id),
        ).fetchone()
        return _record(row) if row else None

    def upcoming(self, tenant_id: str, user_id: str, after: datetime) -> list[MeetingRecord]:
        """The user's bot-created meetings that have not ended and are not cancelled."""
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM meetings WHERE tenant_id=? AND user_id=? AND cancelled=0 "
            "AND (end_utc > ? OR details LIKE '%\"recurrence\": {%') ORDER BY start_utc",
            (tenant_id, user_id, after.astimezone(UTC).isoformat()),
        ).fetchall()
        return [_record(row) for row in rows]

    def mark_cancelled(self, tenant_id: str, user_id: str, kind: str, graph_id: str) -> None:
        self._db.execute(
            "UPDATE meetings SET cancelled=1 WHERE tenant_id=? AND user_id=? AND kind=? "
            "AND graph_id=?",
            (tenant_id, user_id, kind, graph_id),
        )

    def claim_action(self, action_key: str) -> bool:
        """True the first time an action key is seen: a replayed click or invoke gets False."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO done_actions VALUES (?, ?)",
            (action_key, datetime.now(UTC).isoformat()),
        )
        return cursor.rowcount == 1

    def release_action(self, action_key: str) -> None:
        """Forget a claimed action whose Graph call failed, so the user can retry it."""
        self._db.execute("DELETE FROM done_actions WHERE action_key=?", (action_key,))


def _record(row: tuple[object, ...]) -> MeetingRecord:
    tenant, user, kind, graph_id, subject, start, end, join_url, cancelled, details = row
    return MeetingRecord(
        tenant_id=str(tenant),
        user_id=str(user),
        kind=str(kind),
        graph_id=str(graph_id),
        subject=str(subject),
        start=datetime.fromisoformat(str(start)),
        end=datetime.fromisoformat(str(end)),
        join_url=str(join_url) if join_url else None,
        cancelled=bool(cancelled),
        details=json.loads(str(details or "{}")),
    )


def to_record(requester: Requester, meeting: Meeting) -> MeetingRecord:
    """The one mapping from a meeting to what the bot keeps of it (and back: to_meeting)."""
    dial_in = meeting.dial_in
    return MeetingRecord(
        tenant_id=requester.tenant_id,
        user_id=requester.user_id,
        kind=meeting.kind,
        graph_id=meeting.id,
        subject=meeting.subject,
        start=meeting.start,
        end=meeting.end,
        join_url=meeting.join_url,
        cancelled=meeting.cancelled,
        details={
            "organizer_name": meeting.organizer_name,
            "attendees": list(meeting.attendees),
            "dial_in": [dial_in.toll_number, dial_in.conference_id] if dial_in else None,
            "recurrence": dict(meeting.recurrence) if meeting.recurrence else None,
            "options": dict(meeting.options) if meeting.options else None,
            "outsiders": list(meeting.outsiders),
        },
    )


def to_meeting(record: MeetingRecord) -> Meeting:
    details = record.details
    dial_in = details.get("dial_in")
    return Meeting(
        id=record.graph_id,
        kind=record.kind,
        subject=record.subject,
        start=record.start,
        end=record.end,
        join_url=record.join_url,
        organizer_id=record.user_id,
        organizer_name=str(details.get("organizer_name") or ""),
        attendees=tuple(str(a) for a in details.get("attendees") or ()),
        dial_in=DialIn(str(dial_in[0]), str(dial_in[1])) if dial_in else None,
        cancelled=record.cancelled,
        recurrence=details.get("recurrence") or None,
        options=details.get("options") or None,
        outsiders=tuple(str(a) for a in details.get("outsiders") or ()),
    )
