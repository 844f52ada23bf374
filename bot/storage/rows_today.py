"""The rows the bot kept before migrations existed: meetings, done card actions, token caches."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.storage.database import Database, Row
from bot.storage.records import MeetingRecord

MEETING_COLUMNS = (
    "tenant_id, user_id, kind, graph_id, subject, start_utc, end_utc, join_url, cancelled, details"
)


def utc_now() -> datetime:
    return datetime.now(UTC)


class TodayRows:
    _db: Database

    # --- meetings -----------------------------------------------------------------------------

    async def remember(self, record: MeetingRecord) -> None:
        db = self._db
        await db.execute(
            f"INSERT INTO meetings ({MEETING_COLUMNS}, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (tenant_id, user_id, kind, graph_id) DO UPDATE SET "
            "subject=excluded.subject, start_utc=excluded.start_utc, end_utc=excluded.end_utc, "
            "join_url=excluded.join_url, cancelled=excluded.cancelled, details=excluded.details",
            (
                record.tenant_id,
                record.user_id,
                record.kind,
                record.graph_id,
                record.subject,
                db.ts(record.start),
                db.ts(record.end),
                record.join_url,
                record.cancelled,
                db.json(record.details),
                db.ts(utc_now()),
            ),
        )

    async def find(
        self, tenant_id: str, user_id: str, kind: str, graph_id: str
    ) -> MeetingRecord | None:
        rows = await self._db.fetch(
            f"SELECT {MEETING_COLUMNS} FROM meetings "
            "WHERE tenant_id=? AND user_id=? AND kind=? AND graph_id=?",
            (tenant_id, user_id, kind, graph_id),
        )
        return self._meeting(rows[0]) if rows else None

    async def upcoming(
        self, tenant_id: str, user_id: str, after: datetime, *, cancelled: bool = False
    ) -> list[MeetingRecord]:
        """The user's bot-created meetings that have not ended: those not cancelled, or (with
        `cancelled`) those cancelled, e.g. to show a repeated `cancel` what it already did."""
        rows = await self._db.fetch(
            f"SELECT {MEETING_COLUMNS} FROM meetings WHERE tenant_id=? AND user_id=? "
            "AND cancelled=? AND end_utc > ? ORDER BY start_utc",
            (tenant_id, user_id, cancelled, self._db.ts(after)),
        )
        return [self._meeting(row) for row in rows]

    async def mark_cancelled(self, tenant_id: str, user_id: str, kind: str, graph_id: str) -> None:
        await self._db.execute(
            "UPDATE meetings SET cancelled=? WHERE tenant_id=? AND user_id=? AND kind=? "
            "AND graph_id=?",
            (True, tenant_id, user_id, kind, graph_id),
        )

    def _meeting(self, row: Row) -> MeetingRecord:
        tenant, user, kind, graph_id, subject, start, end, join_url, cancelled, details = row
        return MeetingRecord(
            tenant_id=str(tenant),
            user_id=str(user),
            kind=str(kind),
            graph_id=str(graph_id),
            subject=str(subject),
            start=self._db.read_ts(start),
            end=self._db.read_ts(end),
            join_url=str(join_url) if join_url else None,
            cancelled=bool(cancelled),
            details=self._db.read_json(details) or {},
        )

    # --- card actions -------------------------------------------------------------------------

    async def claim_action(self, action_key: str) -> bool:
        """True the first time an action key is seen: a replayed click or invoke gets False."""
        changed = await self._db.execute(
            "INSERT INTO done_actions (action_key, done_at) VALUES (?, ?) "
            "ON CONFLICT (action_key) DO NOTHING",
            (action_key, self._db.ts(utc_now())),
        )
        return changed == 1

    async def release_action(self, action_key: str) -> None:
        """Forget a claimed action whose Graph call failed, so the user can retry it."""
        await self._db.execute("DELETE FROM done_actions WHERE action_key=?", (action_key,))

    # --- signed-in users' token caches --------------------------------------------------------

    async def load_token_cache(self, tenant_id: str, user_id: str) -> bytes | None:
        rows = await self._db.fetch(
            "SELECT cache FROM user_token_caches WHERE tenant_id=? AND user_id=?",
            (tenant_id.lower(), user_id.lower()),
        )
        return bytes(rows[0][0]) if rows else None

    async def save_token_cache(self, tenant_id: str, user_id: str, blob: bytes) -> None:
        await self._db.execute(
            "INSERT INTO user_token_caches (tenant_id, user_id, cache, updated_at) "
            "VALUES (?,?,?,?) ON CONFLICT (tenant_id, user_id) DO UPDATE SET "
            "cache=excluded.cache, updated_at=excluded.updated_at",
            (tenant_id.lower(), user_id.lower(), blob, self._db.ts(utc_now())),
        )

    async def delete_token_cache(self, tenant_id: str, user_id: str) -> bool:
        deleted = await self._db.execute(
            "DELETE FROM user_token_caches WHERE tenant_id=? AND user_id=?",
            (tenant_id.lower(), user_id.lower()),
        )
        return deleted > 0

    async def sso_exchanged(self, key: str) -> bool:
        rows = await self._db.fetch("SELECT 1 FROM sso_exchanges WHERE exchange_key=?", (key,))
        return bool(rows)

    async def remember_sso_exchange(self, key: str) -> None:
        await self._db.execute(
            "INSERT INTO sso_exchanges (exchange_key, done_at) VALUES (?, ?) "
            "ON CONFLICT (exchange_key) DO NOTHING",
            (key, self._db.ts(utc_now())),
        )
