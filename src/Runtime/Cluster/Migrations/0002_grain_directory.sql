-- The grain directory (Orleans' OrleansGrainDirectory): one row per grain with a live activation,
-- scoped by cluster id. First writer wins: a registration inserts with ON CONFLICT DO NOTHING and
-- otherwise reads the winner; a row is removed only by its own activation (silo AND activation id)
-- or when its silo is purged (see src/Runtime/Cluster/Directory/GrainDirectoryQueries.cs, docs/directory.md).
-- silo_address is host:port@generation; registered_at is the database clock, for diagnostics only.
CREATE TABLE grain_directory
(
    cluster_id         text        NOT NULL,
    grain_id           text        NOT NULL,
    silo_address       text        NOT NULL,
    activation_id      uuid        NOT NULL,
    membership_version bigint      NOT NULL,
    registered_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_grain_directory PRIMARY KEY (cluster_id, grain_id)
);

-- Purging a dead silo's rows must not scan the whole directory.
CREATE INDEX ix_grain_directory_silo ON grain_directory (cluster_id, silo_address);
