"""At most four of the bot's requests in flight per mailbox, Outlook's limit.

Graph's "Outlook service limits": four concurrent requests per app per mailbox; the fifth
answers 429 ApplicationThrottled ("Application is over its MailboxConcurrency limit."). A
person's turns can overlap (a double click, a card pressed while `my meetings` loads), and a
429 costs them a Retry-After wait, so the client queues the fifth request itself instead.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import unquote

OUTLOOK_MAILBOX_CONCURRENCY = 4
_MAILBOX_PATH = re.compile(
    r"^/?(?P<who>users/[^/?]+|me)/(?:calendar|calendars|calendarview|events|mailfolders|messages)"
    r"(?:[/?(]|$)",
    re.IGNORECASE,
)


def mailbox_of(path: str, token: str) -> str | None:
    """The mailbox an Outlook request uses (None for other resources). `/me` is the token's
    user, so each signed-in user's token names their own mailbox; only a digest is kept."""
    match = _MAILBOX_PATH.match(path)
    if match is None:
        return None
    who = unquote(match.group("who")).lower()
    if who == "me":
        return "me:" + hashlib.sha256(token.encode()).hexdigest()[:24]
    return who


@dataclass
class _Slot:
    semaphore: asyncio.Semaphore
    users: int = 0


@dataclass
class MailboxSlots:
    """One small semaphore per mailbox in use; forgotten when nobody holds or waits for it."""

    limit: int = OUTLOOK_MAILBOX_CONCURRENCY
    _slots: dict[str, _Slot] = field(default_factory=dict)

    @asynccontextmanager
    async def hold(self, mailbox: str | None) -> AsyncIterator[None]:
        if mailbox is None:
            yield
            return
        slot = self._slots.setdefault(mailbox, _Slot(asyncio.Semaphore(self.limit)))
        slot.users += 1
        try:
            async with slot.semaphore:
                yield
        finally:
            slot.users -= 1
            if not slot.users:
                del self._slots[mailbox]

    def in_use(self) -> int:
        """Mailboxes with a request in flight or waiting (for tests and logs)."""
        return len(self._slots)
