-- What a user asked for before signing in (delegated mode), per user and conversation: run
-- once when the sign-in completes (claimed_at set then), or refused when it waited too long.
CREATE TABLE pending_commands (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    conversation_id text NOT NULL,
    command text NOT NULL,
    activity_id text NOT NULL,  -- the message's: its create keeps that idempotency key
    saved_at timestamptz NOT NULL,
    claimed_at timestamptz,
    PRIMARY KEY (tenant_id, user_id, conversation_id)
);
