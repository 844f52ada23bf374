"""The command a user typed before signing in, kept in the store until the sign-in completes.

Kept per user and conversation (the bot may run as several replicas, so not in memory), and
run at most once: the sign-in that claims it first runs it, a repeated or second sign-in
invoke finds it taken. One that waited longer than PENDING_FOR is not run: the user is asked
to send it again, since what they meant may have changed.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.conversation.turn import TurnInfo
from bot.storage import PendingCommand, PendingRows

PENDING_FOR = timedelta(minutes=15)


class Waiting(enum.Enum):
    NONE = "none"  # nothing was asked before this sign-in
    RUN = "run"  # run `command` now
    EXPIRED = "expired"  # asked too long ago: not run
    TAKEN = "taken"  # another invoke of this sign-in has it (or had it) already


@dataclass(frozen=True)
class Claim:
    """What a sign-in found waiting: whether to run it, the command and its activity."""

    waiting: Waiting
    command: str = ""
    activity_id: str = ""


class PendingCommands:
    def __init__(
        self, rows: PendingRows, clock: Callable[[], datetime], keep_for: timedelta = PENDING_FOR
    ) -> None:
        self._rows = rows
        self._clock = clock
        self.keep_for = keep_for

    async def remember(self, turn: TurnInfo) -> None:
        """`turn`'s text, to run once its sender has signed in (their latest request wins)."""
        if turn.requester is None or not turn.text.strip():
            return
        command = PendingCommand(turn.text.strip(), turn.activity_id, self._clock())
        await self._rows.save_pending_command(
            turn.requester.tenant_id, turn.requester.user_id, turn.conversation_id, command
        )

    async def claim(self, turn: TurnInfo) -> Claim:
        """What the sign-in completed by `turn` should do about a waiting command."""
        if turn.requester is None:
            return Claim(Waiting.NONE)
        now = self._clock()
        found = await self._rows.claim_pending_command(
            turn.requester.tenant_id, turn.requester.user_id, turn.conversation_id, now
        )
        if found is None:
            return Claim(Waiting.NONE)
        if found.claimed_at is not None:
            recent = now - found.claimed_at <= self.keep_for
            return Claim(Waiting.TAKEN if recent else Waiting.NONE)
        if now - found.saved_at > self.keep_for:
            return Claim(Waiting.EXPIRED, found.command)
        return Claim(Waiting.RUN, found.command, found.activity_id)
