-- Incremental sync (docs/data-lifecycle.md): every list a customer mirrors can be read by `?updated_since=` in
-- (updated_at, id) order. That needs updated_at on every mirrored row, moved forward by every change, and an index per
-- owner on (updated_at, id) that includes deleted rows (they are the tombstones mirrors need).

-- API keys had no updated_at: revocation is their only change. Existing rows take their last change.
ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS updated_at timestamptz;
UPDATE api_keys SET updated_at = coalesce(revoked_at, created_at) WHERE updated_at IS NULL;
ALTER TABLE api_keys ALTER COLUMN updated_at SET NOT NULL;

-- API keys are written by code that predates updated_at: a trigger keeps it. An INSERT takes created_at; an UPDATE
-- that changes the row moves updated_at forward (never back, never left in place). The other mirrored tables
-- (users, sessions, webhook_endpoints, webhook_deliveries, integrations) have updated_at set by every UPDATE their
-- owning grain runs.
CREATE OR REPLACE FUNCTION mindpeeker_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.updated_at := coalesce(NEW.updated_at, NEW.created_at, clock_timestamp());
    ELSIF NEW IS DISTINCT FROM OLD AND (NEW.updated_at IS NULL OR NEW.updated_at <= OLD.updated_at) THEN
        NEW.updated_at := greatest(clock_timestamp(), OLD.updated_at + interval '1 microsecond');
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS api_keys_touch_updated_at ON api_keys;
CREATE TRIGGER api_keys_touch_updated_at BEFORE INSERT OR UPDATE ON api_keys FOR EACH ROW EXECUTE FUNCTION mindpeeker_touch_updated_at();

-- Integrations are deleted for real: their deletions are kept here for mirrors (an AFTER DELETE trigger), and purged
-- with the owner on erasure.
CREATE TABLE IF NOT EXISTS sync_tombstones (
    resource   varchar(50)  NOT NULL,
    id         uuid         NOT NULL,
    owner_id   uuid         NOT NULL,
    deleted_at timestamptz  NOT NULL,
    PRIMARY KEY (resource, id)
);
CREATE INDEX IF NOT EXISTS sync_tombstones_owner_idx ON sync_tombstones (owner_id, resource, deleted_at, id);

CREATE OR REPLACE FUNCTION mindpeeker_integration_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sync_tombstones (resource, id, owner_id, deleted_at) VALUES ('integrations', OLD.id, OLD.user_id, clock_timestamp())
    ON CONFLICT (resource, id) DO UPDATE SET deleted_at = excluded.deleted_at;
    RETURN OLD;
END $$;
DROP TRIGGER IF EXISTS integrations_tombstone ON integrations;
CREATE TRIGGER integrations_tombstone AFTER DELETE ON integrations FOR EACH ROW EXECUTE FUNCTION mindpeeker_integration_tombstone();

-- GET /v1/<list>?updated_since=…: the owner's rows by (updated_at, id), deleted ones included.
CREATE INDEX IF NOT EXISTS api_keys_user_updated_idx ON api_keys (user_id, updated_at, id);
CREATE INDEX IF NOT EXISTS sessions_user_sync_idx ON sessions (user_id, updated_at, id);
CREATE INDEX IF NOT EXISTS webhook_endpoints_user_updated_idx ON webhook_endpoints (user_id, updated_at, id);
CREATE INDEX IF NOT EXISTS webhook_deliveries_endpoint_updated_idx ON webhook_deliveries (endpoint_id, updated_at, id);
CREATE INDEX IF NOT EXISTS integrations_user_updated_idx ON integrations (user_id, updated_at, id);
