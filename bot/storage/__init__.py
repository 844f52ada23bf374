"""Storage: everything the bot keeps — the meetings it created, card actions done, intents
(what it is about to create), conversation references, user preferences, jobs, signed-in users'
token caches, group chats' polls and votes, commands waiting for a sign-in — behind one async
interface (protocol.py), in SQLite (one process, `BOT_DB`) or PostgreSQL (several replicas,
`DATABASE_URL`), with versioned migrations (migrations/).

Exactly-once lives here, in unique keys, never in process memory.
"""

from __future__ import annotations

from bot.config import ConfigError, Settings
from bot.storage.protocol import (
    ActionClaims,
    IntentRows,
    JobRows,
    Lifecycle,
    MeetingRows,
    PendingRows,
    PollRows,
    PreferenceRows,
    ReferenceRows,
    Store,
    TokenRows,
)
from bot.storage.records import (
    JSON,
    Backoff,
    Booking,
    ConversationRef,
    Intent,
    IntentStatus,
    Job,
    JobStatus,
    MeetingRecord,
    Member,
    PendingCommand,
    Poll,
    Preferences,
    SchemaTooNew,
    StorageError,
    StorageUnavailable,
    Upgrade,
)

POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = [
    "JSON",
    "ActionClaims",
    "Backoff",
    "Booking",
    "ConversationRef",
    "Intent",
    "IntentRows",
    "IntentStatus",
    "Job",
    "JobRows",
    "JobStatus",
    "Lifecycle",
    "MeetingRecord",
    "MeetingRows",
    "Member",
    "PendingCommand",
    "PendingRows",
    "Poll",
    "PollRows",
    "PreferenceRows",
    "Preferences",
    "ReferenceRows",
    "SchemaTooNew",
    "StorageError",
    "StorageUnavailable",
    "Store",
    "TokenRows",
    "Upgrade",
    "describe_store",
    "open_store",
    "store_for",
]


def store_for(settings: Settings) -> Store:
    """PostgreSQL when DATABASE_URL is set, else SQLite at BOT_DB; nothing is connected yet
    (`await store.open()` connects and migrates). The driver is imported only when used."""
    url = settings.database_url
    if url:
        if not url.startswith(POSTGRES_SCHEMES):
            raise ConfigError(
                "DATABASE_URL must be a postgresql://user:password@host:port/dbname URL; "
                "leave it empty to keep the bot's data in SQLite at BOT_DB"
            )
        from bot.storage.postgres import PostgresStore

        return PostgresStore(url)
    from bot.storage.sqlite import SqliteStore

    return SqliteStore(settings.bot_db)


async def open_store(settings: Settings) -> Store:
    """The configured store, connected, with every migration applied (raises SchemaTooNew)."""
    store = store_for(settings)
    await store.open()
    return store


def describe_store(settings: Settings) -> str:
    """Where the bot keeps its data, for the start-up lines (no password)."""
    if settings.database_url:
        from bot.storage.postgres import describe

        return f"Storage: PostgreSQL at {describe(settings.database_url)}."
    return f"Storage: SQLite at {settings.bot_db} (one process; set DATABASE_URL for replicas)."
