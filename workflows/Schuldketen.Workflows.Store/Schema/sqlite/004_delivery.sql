-- Delivery to partners. Each trajectory belongs to one of 64 shards; a relay process holds a lease
-- on a shard before it sends that shard's events, so two processes never send the same event at
-- once and the events of one trajectory go out in order.
ALTER TABLE outbox ADD COLUMN shard INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_outbox_shard_pending ON outbox (shard, sent_at, id);

CREATE TABLE relay_leases (
    shard       INTEGER NOT NULL PRIMARY KEY,
    owner       TEXT    NULL,
    lease_until INTEGER NOT NULL DEFAULT 0
);
WITH RECURSIVE shards(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM shards WHERE n < 63)
INSERT INTO relay_leases (shard) SELECT n FROM shards;

-- A partner's subscription to its trajectories' events (as in the VNG Notificaties API).
CREATE TABLE subscriptions (
    id           TEXT    NOT NULL PRIMARY KEY,
    organisation TEXT    NOT NULL,
    callback_url TEXT    NOT NULL,
    event_types  TEXT    NOT NULL,
    secret       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    ended_at     INTEGER NULL,
    end_reason   TEXT    NULL
);
CREATE INDEX ix_subscriptions_organisation ON subscriptions (organisation);

-- One event to one subscription: retried with backoff until delivered or dead-lettered.
CREATE TABLE deliveries (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT    NOT NULL,
    outbox_id       INTEGER NOT NULL,
    trajectory_id   TEXT    NOT NULL,
    sequence        INTEGER NOT NULL,
    shard           INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    last_status     INTEGER NULL,
    last_error      TEXT    NULL,
    done_at         INTEGER NULL,
    UNIQUE (subscription_id, outbox_id)
);
CREATE INDEX ix_deliveries_due ON deliveries (shard, status, next_attempt_at);
CREATE INDEX ix_deliveries_queue ON deliveries (subscription_id, trajectory_id, status, outbox_id);
