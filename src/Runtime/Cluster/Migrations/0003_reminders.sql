-- Durable reminders (Orleans' OrleansRemindersTable), scoped by cluster id. grain_hash is the grain's
-- position on the consistent ring (ConsistentRing.GetHash: an unsigned 32-bit value, kept in a bigint so
-- range queries compare it unsigned); the silo owning that ring range schedules the reminder.
-- period is in milliseconds. version is the ETag: every upsert bumps it, a delete must name it
-- (see src/Runtime/Reminders/ReminderQueries.cs, docs/reminders.md).
CREATE TABLE reminders
(
    cluster_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    bigint      NOT NULL,
    version       bigint      NOT NULL,
    CONSTRAINT pk_reminders PRIMARY KEY (cluster_id, grain_id, reminder_name),
    CONSTRAINT ck_reminders_grain_hash CHECK (grain_hash BETWEEN 0 AND 4294967295),
    CONSTRAINT ck_reminders_period CHECK (period > 0)
);

-- A silo loads the reminders of its ring ranges at start and on every membership change.
CREATE INDEX ix_reminders_grain_hash ON reminders (cluster_id, grain_hash);
