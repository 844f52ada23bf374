-- Group chats' polls (bot/storage/rows_polls.py): the poll, one vote row per poll, user and
-- slot, and the one booking, claimed by its primary key. They used to live in a SQLite file of
-- their own beside the bot's (`<BOT_DB>.polls`), which replicas on PostgreSQL could not share;
-- that file's open polls are not carried over (their cards say the poll is gone).
-- No foreign keys: SQLite enforces them only when asked, and the two dialects behave alike.
CREATE TABLE polls (
    poll_id text PRIMARY KEY,
    tenant_id text NOT NULL,
    conversation_id text NOT NULL,
    doc jsonb NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE poll_votes (
    poll_id text NOT NULL,
    user_id text NOT NULL,
    slot integer NOT NULL,
    chosen boolean NOT NULL,
    voted_at timestamptz NOT NULL,
    PRIMARY KEY (poll_id, user_id, slot)
);

CREATE TABLE poll_bookings (
    poll_id text PRIMARY KEY,
    slot integer NOT NULL,
    meeting jsonb,
    claimed_at timestamptz NOT NULL
);
