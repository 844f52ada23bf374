-- The tables the bot had before migrations existed (in SQLite), in PostgreSQL's types.
CREATE TABLE IF NOT EXISTS meetings (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    kind text NOT NULL,
    graph_id text NOT NULL,
    subject text NOT NULL,
    start_utc timestamptz NOT NULL,
    end_utc timestamptz NOT NULL,
    join_url text,
    cancelled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    details jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, user_id, kind, graph_id)
);
CREATE TABLE IF NOT EXISTS done_actions (
    action_key text PRIMARY KEY,
    done_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS user_token_caches (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    cache bytea NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE IF NOT EXISTS sso_exchanges (
    exchange_key text PRIMARY KEY,
    done_at timestamptz NOT NULL
);
