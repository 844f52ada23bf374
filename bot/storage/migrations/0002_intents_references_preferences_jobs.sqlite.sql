-- What the bot is about to create (written before the Graph call), where it can post later,
-- each user's settings, and the jobs it runs later (reminders, agendas).
CREATE TABLE intents (
    intent_key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    request TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    graph_id TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '{}',
    error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    completed_at TEXT
);
CREATE INDEX intents_pending ON intents (created_at) WHERE status = 'pending';

CREATE TABLE conversation_references (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    reference TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, conversation_id)
);
CREATE INDEX conversation_references_conversation ON conversation_references (conversation_id);

CREATE TABLE user_preferences (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    reminder_minutes INTEGER,
    reminders_on INTEGER NOT NULL DEFAULT 1,
    agenda_at TEXT,
    zone TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    due_at TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'pending',
    dedupe_key TEXT UNIQUE,
    claimed_by TEXT,
    claimed_until TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, due_at);
