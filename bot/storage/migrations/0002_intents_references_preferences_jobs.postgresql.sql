-- What the bot is about to create (written before the Graph call), where it can post later,
-- each user's settings, and the jobs it runs later (reminders, agendas).
CREATE TABLE intents (
    intent_key text PRIMARY KEY,
    kind text NOT NULL,
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    request jsonb NOT NULL,
    status text NOT NULL DEFAULT 'pending',
    graph_id text NOT NULL DEFAULT '',
    result jsonb NOT NULL DEFAULT '{}',
    error text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX intents_pending ON intents (created_at) WHERE status = 'pending';

CREATE TABLE conversation_references (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    conversation_id text NOT NULL,
    reference jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, conversation_id)
);
CREATE INDEX conversation_references_conversation ON conversation_references (conversation_id);

CREATE TABLE user_preferences (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    reminder_minutes integer,
    reminders_on boolean NOT NULL DEFAULT true,
    agenda_at text,
    zone text NOT NULL DEFAULT '',
    locale text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    due_at timestamptz NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    attempts integer NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'pending',
    dedupe_key text UNIQUE,
    claimed_by text,
    claimed_until timestamptz,
    last_error text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, due_at);
