"""Commands waiting for their user's sign-in: saved per user and conversation, claimed once."""

from __future__ import annotations

from datetime import datetime

from bot.storage.database import Database
from bot.storage.records import PendingCommand

_KEY = "tenant_id=? AND user_id=? AND conversation_id=?"


class PendingRows:
    _db: Database

    async def save_pending_command(
        self, tenant_id: str, user_id: str, conversation_id: str, command: PendingCommand
    ) -> None:
        """The user's latest request in this conversation replaces any earlier one."""
        db = self._db
        await db.execute(
            "INSERT INTO pending_commands (tenant_id, user_id, conversation_id, command, "
            "activity_id, saved_at, claimed_at) VALUES (?,?,?,?,?,?,NULL) "
            "ON CONFLICT (tenant_id, user_id, conversation_id) DO UPDATE SET "
            "command=excluded.command, activity_id=excluded.activity_id, "
            "saved_at=excluded.saved_at, claimed_at=NULL",
            (
                tenant_id.lower(),
                user_id.lower(),
                conversation_id,
                command.command,
                command.activity_id,
                db.ts(command.saved_at),
            ),
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
            "RETURNING command, activity_id, saved_at",
            (db.ts(at), *key),
        )
        if claimed:
            (command, activity_id, saved_at) = claimed[0]
            await db.execute(f"UPDATE pending_commands SET command='' WHERE {_KEY}", key)
            return PendingCommand(str(command), str(activity_id), db.read_ts(saved_at))
        rows = await db.fetch(
            f"SELECT activity_id, saved_at, claimed_at FROM pending_commands WHERE {_KEY}", key
        )
        if not rows or rows[0][2] is None:
            return None
        (activity_id, saved_at, claimed_at) = rows[0]
        return PendingCommand("", str(activity_id), db.read_ts(saved_at), db.read_ts(claimed_at))
