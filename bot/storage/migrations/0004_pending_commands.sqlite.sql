-- What a user asked for before signing in (delegated mode), per user and conversation: run
-- once when the sign-in completes (claimed_at set then), or refused when it waited too long.
CREATE TABLE pending_commands (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    command TEXT NOT NULL,
    activity_id TEXT NOT NULL,  -- the message's: its create keeps that idempotency key
    saved_at TEXT NOT NULL,
    claimed_at TEXT,
    PRIMARY KEY (tenant_id, user_id, conversation_id)
);
