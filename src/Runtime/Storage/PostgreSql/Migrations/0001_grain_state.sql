-- Grain state, one row per (service, grain, state name). The version is the ETag: every write and
-- clear bumps it under an optimistic check. A cleared record keeps its row with a NULL payload so the
-- version keeps counting and a writer holding a pre-clear ETag still fails.
CREATE TABLE grain_state
(
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    payload     jsonb       NULL,
    version     integer     NOT NULL,
    modified_on timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_grain_state PRIMARY KEY (service_id, grain_type, grain_key, state_name)
);
