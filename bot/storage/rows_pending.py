"""Commands waiting for their user's sign-in: saved per user and conversation, claimed once."""

from __future__ import annotations

from datetime import datetime

from bot.storage.database import Database
from bot.storage.records import PendingCommand

_KEY = "tenant_id=? AND user_id=? AND conversation_id=?"


class PendingRows:
    _db: Database

    async def save_pending_command(
        self, tenant_id: str, user_id: str, conversation_id: str, command: str, at: datetime
    ) -> None:
        """The user's latest request in this conversation replaces any earlier one."""
        db = self._db
        await db.execute(
            "INSERT INTO pending_commands "
            "(tenant_id, user_id, conversation_id, command, saved_at, claimed_at) "
            "VALUES (?,?,?,?,?,NULL) ON CONFLICT (tenant_id, user_id, conversation_id) "
            "DO UPDATE SET command=excluded.command, saved_at=excluded.saved_at, claimed_at=NULL",
            (tenant_id.lower(), user_id.lower(), conversation_id, command, db.ts(at)),
        )

    async def claim_pending_command(
        self, tenant_id: str, user_id: str, conversation_id: str, at: datetime
    ) -> PendingCommand | None:
        """The waiting command, claimed by this caller alone (one statement: whichever replica
        or retried invoke comes second gets the claimed record, `claimed_at` set); None when
        there was none."""
        db = self._db
        key = (tenant_id.lower(), user_id.lower(), conversation_id)
        claimed = await db.fetch(
            f"UPDATE pending_commands SET claimed_at=? WHERE {_KEY} AND claimed_at IS NULL "
            "RETURNING command, saved_at",
            (db.ts(at), *key),
        )
        if claimed:
            (command, saved_at) = claimed[0]
            await db.execute(f"UPDATE pending_commands SET command='' WHERE {_KEY}", key)
            return PendingCommand(str(command), db.read_ts(saved_at))
        rows = await db.fetch(
            f"SELECT saved_at, claimed_at FROM pending_commands WHERE {_KEY}", key
        )
        if not rows or rows[0][1] is None:
            return None
        return PendingCommand("", db.read_ts(rows[0][0]), db.read_ts(rows[0][1]))
