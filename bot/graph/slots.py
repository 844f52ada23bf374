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
    """A mailbox's semaphore and how many turns hold or wait for it."""

    semaphore: asyncio.Semaphore
    users: int = 0


@dataclass
class MailboxSlots:
    """One small semaphore per mailbox in use; forgotten when nobody holds or waits for it."""

    limit: int = OUTLOOK_MAILBOX_CONCURRENCY
    _slots: dict[str, _Slot] = field(default_factory=dict)

    def hold(self, mailbox: str | None) -> Held:
        """`async with slots.hold(mailbox):` one of its slots (none needed for None)."""
        return Held(self, mailbox)

    def in_use(self) -> int:
        """Mailboxes with a request in flight or waiting (for tests and logs)."""
        return len(self._slots)

    def _enter(self, mailbox: str) -> _Slot:
        slot = self._slots.get(mailbox)
        if slot is None:
            slot = self._slots[mailbox] = _Slot(asyncio.Semaphore(self.limit))
        slot.users += 1
        return slot

    def _leave(self, mailbox: str, slot: _Slot) -> None:
        slot.users -= 1
        if not slot.users:
            del self._slots[mailbox]


class Held:
    """A slot held for one request: a plain class, not a generator-based context manager,
    since every Graph call enters one."""

    __slots__ = ("_mailbox", "_owner", "_slot")

    def __init__(self, owner: MailboxSlots, mailbox: str | None) -> None:
        self._owner = owner
        self._mailbox = mailbox
        self._slot: _Slot | None = None

    async def __aenter__(self) -> None:
        if self._mailbox is None:
            return
        slot = self._owner._enter(self._mailbox)
        try:
            await slot.semaphore.acquire()
        except BaseException:  # cancelled while waiting: no longer a user of it
            self._owner._leave(self._mailbox, slot)
            raise
        self._slot = slot

    async def __aexit__(self, *_: object) -> None:
        slot, self._slot = self._slot, None
        if slot is not None and self._mailbox is not None:
            slot.semaphore.release()
            self._owner._leave(self._mailbox, slot)
