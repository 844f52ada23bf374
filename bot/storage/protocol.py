"""The async storage interface, one Protocol per kind of row, and `Store`: all of them.

Callers type their dependency with the narrowest protocol they use (the service takes
`MeetingRows`, the card verbs `ActionClaims`, ...). Every "only once" answer comes from a unique
key in the database, never from process memory, so it holds across replicas.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.storage.records import (
    DEFAULT_LEASE,
    JSON,
    Booking,
    ConversationRef,
    Intent,
    Job,
    MeetingRecord,
    PendingCommand,
    Poll,
    Preferences,
    Upgrade,
)


class MeetingRows(Protocol):
    """The meetings the bot created (Graph cannot list standalone meetings)."""

    async def remember(self, record: MeetingRecord) -> None: ...
    async def find(
        self, tenant_id: str, user_id: str, kind: str, graph_id: str
    ) -> MeetingRecord | None: ...
    async def upcoming(
        self, tenant_id: str, user_id: str, after: datetime, *, cancelled: bool = False
    ) -> list[MeetingRecord]: ...
    async def mark_cancelled(
        self, tenant_id: str, user_id: str, kind: str, graph_id: str
    ) -> None: ...


class ActionClaims(Protocol):
    """Card actions: the first press of a key wins, a failed one is released for a retry."""

    async def claim_action(self, action_key: str) -> bool: ...
    async def release_action(self, action_key: str) -> None: ...


class IntentRows(Protocol):
    """What the bot is about to create, written before the Graph call, completed after."""

    async def record_intent(
        self, key: str, kind: str, tenant_id: str, user_id: str, request: JSON
    ) -> bool: ...
    async def complete_intent(
        self,
        key: str,
        graph_id: str,
        result: JSON | None = None,
        *,
        meeting: MeetingRecord | None = None,
    ) -> None:
        """Done; `meeting` (what it made) is recorded in the same transaction."""
        ...

    async def abandon_intent(self, key: str, error: str) -> None: ...
    async def find_intent(self, key: str) -> Intent | None: ...
    async def pending_intents(self, created_before: datetime, limit: int = 100) -> list[Intent]: ...


class ReferenceRows(Protocol):
    """Where the bot can post later: one reference per user and conversation."""

    async def save_reference(self, reference: ConversationRef) -> None: ...
    async def reference(
        self, tenant_id: str, user_id: str, conversation_id: str
    ) -> ConversationRef | None: ...
    async def references_of(self, tenant_id: str, user_id: str) -> list[ConversationRef]: ...
    async def forget_conversation(self, conversation_id: str) -> int: ...


class PreferenceRows(Protocol):
    async def preferences(self, tenant_id: str, user_id: str) -> Preferences: ...
    async def save_preferences(
        self, tenant_id: str, user_id: str, preferences: Preferences
    ) -> None: ...


class JobRows(Protocol):
    """Work due later, run once across every replica: claimed with a lease, retried, dropped."""

    async def schedule_job(
        self, kind: str, due_at: datetime, payload: JSON, *, dedupe_key: str | None = None
    ) -> int | None: ...
    async def schedule_user_job(
        self,
        tenant_id: str,
        user_id: str,
        kind: str,
        due: Callable[[Preferences], datetime | None],
        payload: JSON,
        *,
        dedupe_key: str | None = None,
    ) -> int | None:
        """A job whose due time `due` makes of the user's preferences, read in the same
        transaction (one trip); None: no job (`due` said none, or the dedupe key exists)."""
        ...

    async def move_job(
        self, dedupe_key: str, due_at: datetime, payload: JSON | None = None
    ) -> bool: ...
    async def cancel_job(self, dedupe_key: str) -> bool: ...
    async def claim_jobs(
        self, worker: str, now: datetime, *, limit: int = 10, lease: timedelta = DEFAULT_LEASE
    ) -> list[Job]: ...
    async def complete_job(self, job_id: int, worker: str) -> bool: ...
    async def fail_job(
        self, job_id: int, worker: str, error: str, retry_at: datetime | None
    ) -> bool: ...
    async def drop_job(self, job_id: int, worker: str, reason: str) -> bool: ...
    async def job(self, job_id: int) -> Job | None: ...


class PollRows(Protocol):
    """A group chat's poll: one vote row per poll, user and slot; the booking claimed once."""

    async def create_poll(self, poll: Poll) -> Poll: ...
    async def poll(self, poll_id: str) -> Poll | None: ...
    async def record_vote(self, poll_id: str, user_id: str, slot: int, chosen: bool) -> None: ...
    async def votes(self, poll_id: str) -> dict[str, frozenset[int]]: ...
    async def close_poll(self, poll_id: str, slot: int) -> bool: ...
    async def booking(self, poll_id: str) -> Booking | None: ...
    async def set_booked(self, poll_id: str, meeting: JSON) -> None: ...
    async def reopen(self, poll_id: str) -> None: ...


class TokenRows(Protocol):
    """Signed-in users' msal caches (already encrypted by the caller) and finished SSO exchanges."""

    async def load_token_cache(self, tenant_id: str, user_id: str) -> bytes | None: ...
    async def save_token_cache(self, tenant_id: str, user_id: str, blob: bytes) -> None: ...
    async def delete_token_cache(self, tenant_id: str, user_id: str) -> bool: ...
    async def sso_exchanged(self, key: str) -> bool: ...
    async def remember_sso_exchange(self, key: str) -> None: ...


class PendingRows(Protocol):
    """What a user asked for before signing in, run once when the sign-in completes."""

    async def save_pending_command(
        self, tenant_id: str, user_id: str, conversation_id: str, command: PendingCommand
    ) -> None: ...
    async def claim_pending_command(
        self, tenant_id: str, user_id: str, conversation_id: str, at: datetime
    ) -> PendingCommand | None: ...


class Lifecycle(Protocol):
    async def open(self) -> Upgrade:
        """Connect and apply pending migrations under a lock; raises SchemaTooNew."""
        ...

    async def ready(self) -> str | None:
        """None when a trivial query answers and the schema is current, else why not."""
        ...

    async def aclose(self) -> None: ...


class Store(
    MeetingRows,
    ActionClaims,
    IntentRows,
    ReferenceRows,
    PreferenceRows,
    JobRows,
    PollRows,
    TokenRows,
    PendingRows,
    Lifecycle,
    Protocol,
):
    """Everything the bot keeps, in SQLite (one process) or PostgreSQL (several replicas)."""
