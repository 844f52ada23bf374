"""Group chats' polls: the poll, its votes and its one booking, shared by every replica.

A vote is one row per poll, user and slot, upserted (a double tap changes nothing; a tap taken
back is `chosen = false`). The booking is claimed by inserting its row: the poll's primary key
lets exactly one `close_poll` win, whichever replica sees the last vote first.
"""

from __future__ import annotations

from bot.storage.database import Database
from bot.storage.records import JSON, Booking, Poll
from bot.storage.rows_today import utc_now


class PollRowsSql:
    _db: Database

    async def create_poll(self, poll: Poll) -> Poll:
        """The poll; a redelivered "find a time" gets the one made the first time."""
        db = self._db
        await db.execute(
            "INSERT INTO polls (poll_id, tenant_id, conversation_id, doc, created_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT (poll_id) DO NOTHING",
            (
                poll.poll_id,
                poll.tenant_id,
                poll.conversation_id,
                db.json(poll.as_json()),
                db.ts(utc_now()),
            ),
        )
        return await self.poll(poll.poll_id) or poll

    async def poll(self, poll_id: str) -> Poll | None:
        rows = await self._db.fetch("SELECT doc FROM polls WHERE poll_id=?", (poll_id,))
        return Poll.from_json(self._db.read_json(rows[0][0])) if rows else None

    async def record_vote(self, poll_id: str, user_id: str, slot: int, chosen: bool) -> None:
        await self._db.execute(
            "INSERT INTO poll_votes (poll_id, user_id, slot, chosen, voted_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT (poll_id, user_id, slot) DO UPDATE SET "
            "chosen=excluded.chosen, voted_at=excluded.voted_at",
            (poll_id, user_id, slot, chosen, self._db.ts(utc_now())),
        )

    async def votes(self, poll_id: str) -> dict[str, frozenset[int]]:
        """Each voter's chosen slots, voters in the order they voted (those who took every
        vote back are left out)."""
        rows = await self._db.fetch(
            "SELECT user_id, slot FROM poll_votes WHERE poll_id=? AND chosen=? "
            "ORDER BY voted_at, user_id, slot",
            (poll_id, True),
        )
        found: dict[str, set[int]] = {}
        for user_id, slot in rows:
            found.setdefault(str(user_id), set()).add(int(slot))
        return {user: frozenset(slots) for user, slots in found.items()}

    async def close_poll(self, poll_id: str, slot: int) -> bool:
        """True for exactly one caller across every replica: that caller books `slot`."""
        changed = await self._db.execute(
            "INSERT INTO poll_bookings (poll_id, slot, claimed_at) VALUES (?,?,?) "
            "ON CONFLICT (poll_id) DO NOTHING",
            (poll_id, slot, self._db.ts(utc_now())),
        )
        return changed == 1

    async def booking(self, poll_id: str) -> Booking | None:
        rows = await self._db.fetch(
            "SELECT slot, meeting FROM poll_bookings WHERE poll_id=?", (poll_id,)
        )
        if not rows:
            return None
        slot, meeting = rows[0]
        return Booking(int(slot), None if meeting is None else self._db.read_json(meeting))

    async def set_booked(self, poll_id: str, meeting: JSON) -> None:
        """The claimed booking's event, for every replica's card to show."""
        await self._db.execute(
            "UPDATE poll_bookings SET meeting=? WHERE poll_id=?",
            (self._db.json(meeting), poll_id),
        )

    async def reopen(self, poll_id: str) -> None:
        """The booking failed: free the claim so the next vote or tap can book. A booked
        poll stays booked."""
        await self._db.execute(
            "DELETE FROM poll_bookings WHERE poll_id=? AND meeting IS NULL", (poll_id,)
        )
