-- API keys: `mpk_<prefix>_<secret>`; the prefix finds the row (unique index), only the SHA-256
-- of the secret is stored. Permissions are [{resource, actions, conditions?}].
CREATE TABLE IF NOT EXISTS api_keys (
    id                    uuid PRIMARY KEY,
    user_id               uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                  varchar(100) NOT NULL,
    prefix                varchar(32)  NOT NULL,
    secret_hash           bytea        NOT NULL,
    permissions           jsonb        NOT NULL,
    rate_limit_per_minute integer,
    ip_whitelist          text[]       NOT NULL DEFAULT ARRAY[]::text[],
    created_at            timestamptz  NOT NULL,
    expires_at            timestamptz,
    revoked_at            timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS api_keys_prefix_key ON api_keys (prefix);
-- GET /v1/api-keys: the owner's live keys, newest first, cursor on (created_at, id).
CREATE INDEX IF NOT EXISTS api_keys_user_created_idx ON api_keys (user_id, created_at DESC, id DESC) WHERE revoked_at IS NULL;
