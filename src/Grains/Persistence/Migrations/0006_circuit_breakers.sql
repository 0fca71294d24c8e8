-- Circuit breakers (docs/circuit-breakers.md). One row per dependency a guard ever ran a call for: the registry
-- behind GET /v1/admin/circuit-breakers, and the durable part of each CircuitBreakerGrain (state, version,
-- when it opened and until when it blocks), written on every state change so an isolation or an open breaker
-- survives the grain moving to another silo. The sampling window is not stored.
CREATE TABLE IF NOT EXISTS circuit_breakers (
    dependency    varchar(200) PRIMARY KEY,
    state         varchar(20)  NOT NULL DEFAULT 'closed',
    version       bigint       NOT NULL DEFAULT 0,
    opened_at     timestamptz,
    blocked_until timestamptz,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT circuit_breakers_state_check CHECK (state IN ('closed', 'open', 'half_open', 'isolated'))
);

-- The admin list: newest first, cursor on (created_at, dependency).
CREATE INDEX IF NOT EXISTS circuit_breakers_created_idx ON circuit_breakers (created_at DESC, dependency DESC);
