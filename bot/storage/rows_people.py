"""Intents (what the bot is about to create), conversation references and user preferences."""

from __future__ import annotations

from datetime import datetime

from bot.storage.database import Database, Row
from bot.storage.recent import RecentlySaved
from bot.storage.records import (
    JSON,
    ConversationRef,
    Intent,
    IntentStatus,
    MeetingRecord,
    Preferences,
)
from bot.storage.rows_today import remember_statement, utc_now

INTENT_COLUMNS = (
    "intent_key, kind, tenant_id, user_id, request, status, graph_id, result, error, created_at"
)
#: A user's preferences (tenant_id, user_id): read by `preferences`, and before a job is
#: written in the same transaction (rows_jobs.py).
PREFERENCES_SQL = (
    "SELECT reminder_minutes, reminders_on, agenda_at, zone, locale "
    "FROM user_preferences WHERE tenant_id=? AND user_id=?"
)


def preferences_of(rows: list[Row]) -> Preferences:
    """What PREFERENCES_SQL read; the defaults when the user has set nothing."""
    if not rows:
        return Preferences()
    minutes, on, agenda_at, zone, locale = rows[0]
    return Preferences(
        reminder_minutes=None if minutes is None else int(minutes),
        reminders_on=bool(on),
        agenda_at=None if agenda_at is None else str(agenda_at),
        zone=str(zone),
        locale=str(locale),
    )


class PeopleRows:
    _db: Database
    _recent_references: RecentlySaved[tuple[str, str, str]]  # set by SqlStore (recent.py)

    # --- intents ------------------------------------------------------------------------------

    async def record_intent(
        self, key: str, kind: str, tenant_id: str, user_id: str, request: JSON
    ) -> bool:
        """Write the intent before the Graph call. False when the key is already pending or
        done (a redelivery: look it up instead); an abandoned key is taken up again."""
        db = self._db
        pending, abandoned = IntentStatus.PENDING.value, IntentStatus.ABANDONED.value
        changed = await db.execute(
            "INSERT INTO intents (intent_key, kind, tenant_id, user_id, request, status, "
            "created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (intent_key) DO UPDATE SET "
            "status=excluded.status, request=excluded.request, error='', "
            "created_at=excluded.created_at, completed_at=NULL WHERE intents.status=?",
            (key, kind, tenant_id, user_id, db.json(request), pending, db.ts(utc_now()), abandoned),
        )
        return changed == 1

    async def complete_intent(
        self,
        key: str,
        graph_id: str,
        result: JSON | None = None,
        *,
        meeting: MeetingRecord | None = None,
    ) -> None:
        """Done; with `meeting`, the meeting it made is recorded in the same transaction (one
        commit where a create used to take two): both are written, or neither and the intent
        stays pending."""
        db = self._db
        done = (
            "UPDATE intents SET status=?, graph_id=?, result=?, completed_at=? WHERE intent_key=?",
            (IntentStatus.DONE.value, graph_id, db.json(result or {}), db.ts(utc_now()), key),
        )
        if meeting is None:
            await db.execute(*done)
            return
        await db.execute_together([done, remember_statement(db, meeting)])

    async def abandon_intent(self, key: str, error: str) -> None:
        """Known not created (Graph refused it): a later retry may record the key again."""
        abandoned, pending = IntentStatus.ABANDONED.value, IntentStatus.PENDING.value
        await self._db.execute(
            "UPDATE intents SET status=?, error=?, completed_at=? WHERE intent_key=? AND status=?",
            (abandoned, error, self._db.ts(utc_now()), key, pending),
        )

    async def find_intent(self, key: str) -> Intent | None:
        rows = await self._db.fetch(
            f"SELECT {INTENT_COLUMNS} FROM intents WHERE intent_key=?", (key,)
        )
        return self._intent(rows[0]) if rows else None

    async def pending_intents(self, created_before: datetime, limit: int = 100) -> list[Intent]:
        """Intents a crash or fault left incomplete, oldest first, for reconciliation."""
        rows = await self._db.fetch(
            f"SELECT {INTENT_COLUMNS} FROM intents WHERE status=? AND created_at < ? "
            "ORDER BY created_at LIMIT ?",
            (IntentStatus.PENDING.value, self._db.ts(created_before), limit),
        )
        return [self._intent(row) for row in rows]

    def _intent(self, row: Row) -> Intent:
        key, kind, tenant, user, request, status, graph_id, result, error, created = row
        return Intent(
            key=str(key),
            kind=str(kind),
            tenant_id=str(tenant),
            user_id=str(user),
            request=self._db.read_json(request),
            status=IntentStatus(status),
            graph_id=str(graph_id),
            result=self._db.read_json(result) or {},
            error=str(error),
            created_at=self._db.read_ts(created),
        )

    # --- conversation references --------------------------------------------------------------

    async def save_reference(self, reference: ConversationRef) -> None:
        """Insert or refresh; an unchanged reference is not rewritten (nor, when this process
        saved it within the last minute, even sent to the database)."""
        key = (reference.tenant_id, reference.user_id, reference.conversation_id)
        if self._recent_references.unchanged(key, reference):
            return
        db = self._db
        await db.execute(
            "INSERT INTO conversation_references (tenant_id, user_id, conversation_id, "
            "reference, updated_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT (tenant_id, user_id, conversation_id) DO UPDATE SET "
            "reference=excluded.reference, updated_at=excluded.updated_at "
            "WHERE conversation_references.reference <> excluded.reference",
            (
                reference.tenant_id,
                reference.user_id,
                reference.conversation_id,
                db.json(reference.as_json()),
                db.ts(utc_now()),
            ),
        )
        self._recent_references.saved(key, reference)

    async def reference(
        self, tenant_id: str, user_id: str, conversation_id: str
    ) -> ConversationRef | None:
        rows = await self._db.fetch(
            "SELECT reference FROM conversation_references "
            "WHERE tenant_id=? AND user_id=? AND conversation_id=?",
            (tenant_id, user_id, conversation_id),
        )
        return ConversationRef.from_json(self._db.read_json(rows[0][0])) if rows else None

    async def references_of(self, tenant_id: str, user_id: str) -> list[ConversationRef]:
        """The user's conversations with the bot, the most recently used first."""
        rows = await self._db.fetch(
            "SELECT reference FROM conversation_references WHERE tenant_id=? AND user_id=? "
            "ORDER BY updated_at DESC, conversation_id",
            (tenant_id, user_id),
        )
        return [ConversationRef.from_json(self._db.read_json(row[0])) for row in rows]

    async def forget_conversation(self, conversation_id: str) -> int:
        """The bot was removed from the conversation (403/404 from the connector)."""
        self._recent_references.forget(lambda key: key[2] == conversation_id)
        return await self._db.execute(
            "DELETE FROM conversation_references WHERE conversation_id=?", (conversation_id,)
        )

    # --- preferences --------------------------------------------------------------------------

    async def preferences(self, tenant_id: str, user_id: str) -> Preferences:
        return preferences_of(await self._db.fetch(PREFERENCES_SQL, (tenant_id, user_id)))

    async def save_preferences(
        self, tenant_id: str, user_id: str, preferences: Preferences
    ) -> None:
        p = preferences
        await self._db.execute(
            "INSERT INTO user_preferences (tenant_id, user_id, reminder_minutes, reminders_on, "
            "agenda_at, zone, locale, updated_at) VALUES (?,?,?,?,?,?,?,?) "
            "ON CONFLICT (tenant_id, user_id) DO UPDATE SET "
            "reminder_minutes=excluded.reminder_minutes, reminders_on=excluded.reminders_on, "
            "agenda_at=excluded.agenda_at, zone=excluded.zone, locale=excluded.locale, "
            "updated_at=excluded.updated_at",
            (
                tenant_id,
                user_id,
                p.reminder_minutes,
                p.reminders_on,
                p.agenda_at,
                p.zone,
                p.locale,
                self._db.ts(utc_now()),
            ),
        )
