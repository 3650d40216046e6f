-- Publication to the bus, apart from webhook delivery: a relay publishes each outbox row to the
-- partners' topic once (at least once across crashes) and marks it. Rows that existed before count
-- as published, so an upgrade does not flood the bus with history.
ALTER TABLE outbox ADD COLUMN published_at BIGINT NULL;
UPDATE outbox SET published_at = created_at;
CREATE INDEX ix_outbox_unpublished ON outbox (shard, id) WHERE published_at IS NULL;

-- The bus relay leases shards on its own, so it never waits for the webhook relay or the other way round.
CREATE TABLE bus_leases (
    shard       BIGINT  NOT NULL PRIMARY KEY,
    owner       TEXT    NULL,
    lease_until BIGINT  NOT NULL DEFAULT 0
);
INSERT INTO bus_leases (shard) SELECT generate_series(0, 63);
