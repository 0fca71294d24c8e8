-- Cluster membership (Orleans' OrleansMembershipVersionTable + OrleansMembershipTable), scoped by
-- cluster id so several clusters can share one database. Every change of a row is ONE transaction that
-- also moves the cluster's version by compare-and-swap; either both writes happen or neither does
-- (see src/Runtime/Cluster/Membership/MembershipQueries.cs and docs/membership.md).
CREATE TABLE cluster_membership_version
(
    cluster_id text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_cluster_membership_version PRIMARY KEY (cluster_id)
);

-- address is host:port@generation; host, port and generation are kept apart for queries by endpoint.
-- status is the SiloStatus number (1 Created .. 6 Dead). suspect_times is a jsonb array of
-- {"voter": "host:port@generation", "at": timestamp}. etag counts the row's changes; a heartbeat
-- (i_am_alive_time) does not move it.
CREATE TABLE cluster_membership
(
    cluster_id      text        NOT NULL,
    address         text        NOT NULL,
    host            text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          smallint    NOT NULL,
    roles           text[]      NOT NULL,
    is_gateway      boolean     NOT NULL,
    suspect_times   jsonb       NOT NULL DEFAULT '[]'::jsonb,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    etag            integer     NOT NULL,
    CONSTRAINT pk_cluster_membership PRIMARY KEY (cluster_id, address),
    CONSTRAINT fk_cluster_membership_version FOREIGN KEY (cluster_id)
        REFERENCES cluster_membership_version (cluster_id) ON DELETE CASCADE,
    CONSTRAINT ck_cluster_membership_status CHECK (status BETWEEN 1 AND 6)
);
