-- Integrations (docs/integrations.md): one row per integration is its grain's state. Credentials are stored only as an
-- AES-256-GCM envelope (format | key version | salt | nonce | tag | ciphertext); `credentials_key_version` repeats the
-- envelope's version so rotation finds the rows still under an old key. `credential_fields` names the fields that are set
-- (names are not secret). `version` guards every write (compare and swap).
CREATE TABLE IF NOT EXISTS integrations (
    id                      uuid PRIMARY KEY,
    user_id                 uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                    varchar(100) NOT NULL,
    type                    varchar(50)  NOT NULL,
    platform                varchar(50)  NOT NULL,
    status                  varchar(20)  NOT NULL,
    configuration           jsonb        NOT NULL,
    credential_fields       text[]       NOT NULL DEFAULT ARRAY[]::text[],
    credentials             bytea,
    credentials_key_version integer,
    health                  jsonb        NOT NULL,
    sync                    jsonb        NOT NULL,
    version                 bigint       NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL
);
-- GET /v1/integrations: the owner's integrations, newest first, cursor on (created_at, id).
CREATE INDEX IF NOT EXISTS integrations_user_created_idx ON integrations (user_id, created_at DESC, id DESC);
-- Start-up rotation: rows whose credentials are under another key version than the active one.
CREATE INDEX IF NOT EXISTS integrations_key_version_idx ON integrations (credentials_key_version) WHERE credentials IS NOT NULL;

-- Recent structured logs per integration (never secrets); also the samples behind its metrics. Trimmed to the newest
-- entries per integration on insert.
CREATE TABLE IF NOT EXISTS integration_logs (
    integration_id uuid             NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    id             bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at    timestamptz      NOT NULL,
    level          varchar(10)      NOT NULL,
    operation      varchar(40)      NOT NULL,
    message        text             NOT NULL,
    latency_ms     double precision,
    status_code    integer,
    outcome        varchar(20),
    PRIMARY KEY (integration_id, id)
);
CREATE INDEX IF NOT EXISTS integration_logs_time_idx ON integration_logs (integration_id, occurred_at DESC);
