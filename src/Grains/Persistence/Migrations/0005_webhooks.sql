-- Webhooks (API.md "Webhooks", docs/webhooks.md). Each WebhookEndpointGrain owns its endpoint row and
-- its rows of webhook_deliveries: the durable outbox. A publish inserts the event and its deliveries in
-- one transaction before it answers the producer.
CREATE TABLE IF NOT EXISTS webhook_endpoints (
    id            uuid PRIMARY KEY,
    user_id       uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url           text         NOT NULL,
    events        text[]       NOT NULL,
    description   varchar(500),
    -- whsec_<base64>: needed in clear to sign, so never returned by the API nor logged.
    secret        text         NOT NULL,
    status        varchar(20)  NOT NULL DEFAULT 'enabled',
    -- Since when every attempt has failed (null after a success); 5 days of it disable the endpoint.
    failing_since timestamptz,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    deleted_at    timestamptz,
    CONSTRAINT webhook_endpoints_status_check CHECK (status IN ('enabled', 'disabled'))
);
-- GET /v1/webhooks: the owner's endpoints, newest first; publishing: the owner's enabled endpoints.
CREATE INDEX IF NOT EXISTS webhook_endpoints_user_created_idx ON webhook_endpoints (user_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

-- One row per published event; body is the exact JSON sent (text, not jsonb, so its bytes never change).
CREATE TABLE IF NOT EXISTS webhook_events (
    id          varchar(64)  PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        varchar(64)  NOT NULL,
    body        text         NOT NULL,
    occurred_at timestamptz  NOT NULL
);

CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id               uuid PRIMARY KEY,
    endpoint_id      uuid         NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         varchar(64)  NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    event_type       varchar(64)  NOT NULL,
    status           varchar(20)  NOT NULL DEFAULT 'pending',
    attempts         integer      NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       text,
    next_attempt_at  timestamptz,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'succeeded', 'failed', 'dead')),
    CONSTRAINT webhook_deliveries_event_key UNIQUE (endpoint_id, event_id)
);
-- GET /v1/webhooks/{id}/deliveries[?status=], newest first, cursor on (created_at, id).
CREATE INDEX IF NOT EXISTS webhook_deliveries_endpoint_created_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
-- The endpoint grain's due deliveries, and the start-up sweep for endpoints with pending ones.
CREATE INDEX IF NOT EXISTS webhook_deliveries_pending_idx ON webhook_deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending';
