"""Group-chat polls: the poll, its votes and its one booking, kept in the bot's own database
(SQLite at `BOT_DB`, or PostgreSQL at `DATABASE_URL`), so every replica sees the same votes
and a restart loses none.

`PollStore` is the seam bot/conversation/polls.py uses; the bot's `Store` is one (the rows are
bot/storage/rows_polls.py, the tables migration 0003). One vote row per poll, user and slot;
the booking is claimed exactly once by the poll's unique key, whichever replica sees the last
vote first.
"""

from __future__ import annotations

from typing import Protocol

from bot.storage import Booking, Member, Poll, PollRows

__all__ = ["Booking", "Member", "Poll", "PollStore"]


class PollStore(PollRows, Protocol):
    """Where polls and votes are kept: the bot's store, shared by every replica."""
