"""Per-mailbox concurrency throttling of Outlook resources, as Exchange Online applies it.

Graph's "Microsoft Graph service-specific throttling limits" page, "Outlook service limits":
an app may have at most four concurrent requests against one mailbox; the next one answers
429 with code ApplicationThrottled and "Application is over its MailboxConcurrency limit."
(the wording reported in alcionai/corso issue #3695 and magodo/terraform-provider-outlook issue
#21), with a Retry-After header. Off unless a tenant sets `mailboxConcurrencyLimit`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from graph_emulator.errors import GraphError

#: What Graph's Outlook service limits allow.
GRAPH_MAILBOX_CONCURRENCY = 4
RETRY_AFTER_SECONDS = "1"
OVER_LIMIT = "Application is over its MailboxConcurrency limit."


class MailboxConcurrency:
    """Counts the calls in flight per (tenant, mailbox) in this emulator process."""

    def __init__(self) -> None:
        self._active: dict[tuple[str, str], int] = {}

    def active(self, tenant_id: str, user_id: str) -> int:
        return self._active.get((tenant_id, user_id), 0)

    @asynccontextmanager
    async def slot(self, tenant_id: str, user_id: str, limit: int | None) -> AsyncIterator[None]:
        """Hold one of the mailbox's slots for the block, or raise Graph's 429 when full."""
        if limit is None:
            yield
            return
        key = (tenant_id, user_id)
        if self._active.get(key, 0) >= limit:
            raise GraphError(
                429,
                "ApplicationThrottled",
                OVER_LIMIT,
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            )
        self._active[key] = self._active.get(key, 0) + 1
        try:
            yield
        finally:
            remaining = self._active[key] - 1
            if remaining:
                self._active[key] = remaining
            else:
                del self._active[key]
