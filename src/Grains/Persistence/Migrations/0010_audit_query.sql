-- Indexes for GET /v1/admin/audit (newest first by (occurred_at, id), keyset cursor). audit_log stays append-only.
CREATE INDEX IF NOT EXISTS audit_log_occurred_idx ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_action_prefix_idx ON audit_log (action varchar_pattern_ops);
CREATE INDEX IF NOT EXISTS audit_log_resource_idx ON audit_log (resource_type, resource_id, occurred_at DESC);
