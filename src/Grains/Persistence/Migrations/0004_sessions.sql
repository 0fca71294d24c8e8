-- Sessions (SPEC.md "Core schema", API.md "Sessions"). Each SessionGrain owns its session; these
-- tables are its read model and event log, written from the grain's outbox (docs/sessions.md),
-- so every write here is idempotent: replaying an outbox never duplicates a row.
CREATE TABLE IF NOT EXISTS sessions (
    id            uuid PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES users (id),
    cue           text         NOT NULL,
    session_type  varchar(50)  NOT NULL,
    status        varchar(50)  NOT NULL DEFAULT 'pending',
    progress      integer      NOT NULL DEFAULT 0,
    parameters    jsonb        NOT NULL DEFAULT '{}'::jsonb,
    metadata      jsonb,
    error         text,
    result_count  integer      NOT NULL DEFAULT 0,
    -- The sequence of the last event this row reflects; an older snapshot never overwrites a newer one.
    last_sequence bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    started_at    timestamptz,
    completed_at  timestamptz,
    -- Soft delete: the row stays (list cursors may still name it) but the API no longer shows it.
    deleted_at    timestamptz,
    CONSTRAINT sessions_status_check CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    CONSTRAINT sessions_progress_check CHECK (progress BETWEEN 0 AND 100)
);

-- GET /v1/sessions: the owner's sessions, newest first, cursor on (created_at, id).
CREATE INDEX IF NOT EXISTS sessions_user_created_idx ON sessions (user_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
-- GET /v1/sessions?updated_since=...
CREATE INDEX IF NOT EXISTS sessions_user_updated_idx ON sessions (user_id, updated_at) WHERE deleted_at IS NULL;
-- GET /v1/sessions?status=...
CREATE INDEX IF NOT EXISTS sessions_user_status_created_idx ON sessions (user_id, status, created_at DESC, id DESC) WHERE deleted_at IS NULL;
-- Start-up recovery: the unfinished sessions to resume.
CREATE INDEX IF NOT EXISTS sessions_unfinished_idx ON sessions (created_at, id) WHERE status IN ('pending', 'processing') AND deleted_at IS NULL;

CREATE TABLE IF NOT EXISTS analysis_results (
    id               uuid PRIMARY KEY,
    session_id       uuid          NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    result_type      varchar(100)  NOT NULL,
    confidence_score numeric(5, 4) NOT NULL,
    meets_threshold  boolean       NOT NULL,
    data             jsonb         NOT NULL,
    model_name       varchar(100)  NOT NULL,
    model_version    varchar(50)   NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT analysis_results_confidence_check CHECK (confidence_score BETWEEN 0 AND 1)
);

-- GET /v1/sessions/{id}/results, in the order they were produced.
CREATE INDEX IF NOT EXISTS analysis_results_session_idx ON analysis_results (session_id, created_at, id);

-- One row per session update; the primary key makes a replayed event a no-op, never a duplicate.
-- GET /v1/sessions/{id}/events?starting_after=N reads it by the primary key's order.
CREATE TABLE IF NOT EXISTS session_events (
    session_id  uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    sequence    bigint      NOT NULL,
    event       varchar(50) NOT NULL,
    status      varchar(50) NOT NULL,
    progress    integer     NOT NULL,
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (session_id, sequence),
    CONSTRAINT session_events_sequence_check CHECK (sequence > 0)
);

-- Idempotency-Key (API.md "Conventions"): one row per principal and key; request_hash is the
-- SHA-256 of the raw body. A row without completed_at is a request still running (its lease ends
-- at locked_until); a completed row replays its response until expires_at (24 h after the request).
CREATE TABLE IF NOT EXISTS idempotency_records (
    owner          varchar(100) NOT NULL,
    key            varchar(255) NOT NULL,
    request_method varchar(10)  NOT NULL,
    request_path   varchar(2048) NOT NULL,
    request_hash   bytea        NOT NULL,
    -- Which attempt holds the row: only it may complete or release it (a later one may take over a lapsed lease).
    attempt        uuid         NOT NULL,
    status_code    integer,
    content_type   varchar(255),
    location       varchar(2048),
    response_body  bytea,
    created_at     timestamptz  NOT NULL,
    locked_until   timestamptz  NOT NULL,
    completed_at   timestamptz,
    expires_at     timestamptz  NOT NULL,
    PRIMARY KEY (owner, key)
);

-- The purge of expired records.
CREATE INDEX IF NOT EXISTS idempotency_records_expires_idx ON idempotency_records (expires_at);
