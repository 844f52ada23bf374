-- The tables of the bot before migrations existed, created only where absent (an older file
-- keeps its rows; one without meetings.details gets that column first, see sqlite.py).
CREATE TABLE IF NOT EXISTS meetings (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    graph_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL,
    join_url TEXT,
    cancelled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, user_id, kind, graph_id)
);
CREATE TABLE IF NOT EXISTS done_actions (
    action_key TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_token_caches (
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    cache BLOB NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE IF NOT EXISTS sso_exchanges (
    exchange_key TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);
