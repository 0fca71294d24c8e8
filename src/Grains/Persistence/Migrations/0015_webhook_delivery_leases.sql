-- A claimed delivery's lease moves out of next_attempt_at into its own column, which no index covers: claiming a
-- round of deliveries then changes no indexed column, so PostgreSQL can write the new row versions as HOT updates
-- (same page, no index entries) instead of adding an entry to each of the table's indexes per claimed row. The
-- lower fillfactor keeps room on each page for those versions. next_attempt_at keeps meaning "when the next attempt
-- is due" (it is what GET .../deliveries shows); a delivery is claimable when it is due and its lease, if any, is over.
ALTER TABLE webhook_deliveries ADD COLUMN IF NOT EXISTS leased_until timestamptz;
ALTER TABLE webhook_deliveries SET (fillfactor = 70);
