-- The admin dashboard's reads (docs/dashboard-data.md): webhook outcomes by when they were reached, the newest dead
-- deliveries, and session throughput and latency by when sessions were created and finished. All are range scans of
-- these indexes, run at most once per Dashboard:Data:DatabaseStatsMaxAge per silo while an admin watches.
CREATE INDEX IF NOT EXISTS webhook_deliveries_updated_idx ON webhook_deliveries (updated_at) WHERE status <> 'pending';
CREATE INDEX IF NOT EXISTS webhook_deliveries_dead_idx ON webhook_deliveries (updated_at DESC, id DESC) WHERE status = 'dead';
CREATE INDEX IF NOT EXISTS sessions_created_idx ON sessions (created_at);
CREATE INDEX IF NOT EXISTS sessions_completed_idx ON sessions (completed_at) WHERE completed_at IS NOT NULL;
