-- Identity: roles on users, rotating refresh tokens grouped in families, the JWT signing key
-- ring, and the append-only audit log.
ALTER TABLE users ADD COLUMN IF NOT EXISTS roles text[] NOT NULL DEFAULT ARRAY['user']::text[];

-- Login accepts an email or a username; both are compared case-insensitively.
CREATE UNIQUE INDEX IF NOT EXISTS users_email_lower_key ON users (lower(email));
CREATE UNIQUE INDEX IF NOT EXISTS users_username_lower_key ON users (lower(username));

-- One row per refresh token ever issued. A family is one login's chain of rotations: using a
-- spent token again revokes the whole family. Only the SHA-256 of a token is stored.
CREATE TABLE IF NOT EXISTS refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX IF NOT EXISTS refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX IF NOT EXISTS refresh_tokens_user_idx ON refresh_tokens (user_id);

-- RS256 signing keys. The newest 'active' key signs; 'published' keys still verify; 'retired'
-- keys do neither and leave the JWKS. The private key is PKCS#8, encrypted when a passphrase
-- is configured.
CREATE TABLE IF NOT EXISTS signing_keys (
    kid          varchar(64) PRIMARY KEY,
    algorithm    varchar(16) NOT NULL DEFAULT 'RS256',
    private_key  bytea       NOT NULL,
    encrypted    boolean     NOT NULL,
    status       varchar(16) NOT NULL,
    created_at   timestamptz NOT NULL,
    activated_at timestamptz,
    deactivated_at timestamptz,
    CONSTRAINT signing_keys_status_check CHECK (status IN ('active', 'published', 'retired'))
);
CREATE INDEX IF NOT EXISTS signing_keys_status_idx ON signing_keys (status, created_at);

-- Append-only: the application only ever INSERTs here.
CREATE TABLE IF NOT EXISTS audit_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz  NOT NULL,
    actor_user_id    uuid,
    actor_api_key_id uuid,
    action           varchar(100) NOT NULL,
    resource_type    varchar(50),
    resource_id      varchar(100),
    ip               inet,
    details          jsonb        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC);
CREATE INDEX IF NOT EXISTS audit_log_action_idx ON audit_log (action, occurred_at DESC);
