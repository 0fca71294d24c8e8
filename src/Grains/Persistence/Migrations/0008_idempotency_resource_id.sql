-- The id of what a request under an Idempotency-Key creates (a session), chosen at the key's first claim and kept
-- when a released or lapsed attempt of the same request is taken over, so a retry creates the same resource
-- instead of a second one. Released attempts keep their row (with a lapsed lease) instead of deleting it.
ALTER TABLE idempotency_records ADD COLUMN IF NOT EXISTS resource_id uuid;
