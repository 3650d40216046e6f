-- Delivery to partners. Each trajectory belongs to one of 64 shards; a relay process holds a lease
-- on a shard before it sends that shard's events, so two processes never send the same event at
-- once and the events of one trajectory go out in order.
ALTER TABLE outbox ADD COLUMN shard BIGINT  NOT NULL DEFAULT 0;
CREATE INDEX ix_outbox_shard_pending ON outbox (shard, sent_at, id);

CREATE TABLE relay_leases (
    shard       BIGINT  NOT NULL PRIMARY KEY,
    owner       TEXT    NULL,
    lease_until BIGINT  NOT NULL DEFAULT 0
);
INSERT INTO relay_leases (shard) SELECT generate_series(0, 63);

-- A partner's subscription to its trajectories' events (as in the VNG Notificaties API).
CREATE TABLE subscriptions (
    id           TEXT    NOT NULL PRIMARY KEY,
    organisation TEXT    NOT NULL,
    callback_url TEXT    NOT NULL,
    event_types  TEXT    NOT NULL,
    secret       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    ended_at     BIGINT  NULL,
    end_reason   TEXT    NULL
);
CREATE INDEX ix_subscriptions_organisation ON subscriptions (organisation);

-- One event to one subscription: retried with backoff until delivered or dead-lettered.
CREATE TABLE deliveries (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id TEXT    NOT NULL,
    outbox_id       BIGINT  NOT NULL,
    trajectory_id   TEXT    NOT NULL,
    sequence        BIGINT  NOT NULL,
    shard           BIGINT  NOT NULL,
    status          TEXT    NOT NULL,
    attempts        BIGINT  NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    last_status     BIGINT  NULL,
    last_error      TEXT    NULL,
    done_at         BIGINT  NULL,
    UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX ix_deliveries_due ON deliveries (shard, status, next_attempt_at);
CREATE INDEX ix_deliveries_queue ON deliveries (subscription_id, trajectory_id, status, outbox_id);
