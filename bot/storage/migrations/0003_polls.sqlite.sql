-- Group chats' polls (bot/storage/rows_polls.py): the poll, one vote row per poll, user and
-- slot, and the one booking, claimed by its primary key. They used to live in a SQLite file of
-- their own beside the bot's (`<BOT_DB>.polls`), which replicas on PostgreSQL could not share;
-- that file's open polls are not carried over (their cards say the poll is gone).
-- No foreign keys: SQLite enforces them only when asked, and the two dialects behave alike.
CREATE TABLE polls (
    poll_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE poll_votes (
    poll_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    slot INTEGER NOT NULL,
    chosen INTEGER NOT NULL,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (poll_id, user_id, slot)
);

CREATE TABLE poll_bookings (
    poll_id TEXT PRIMARY KEY,
    slot INTEGER NOT NULL,
    meeting TEXT,
    claimed_at TEXT NOT NULL
);
