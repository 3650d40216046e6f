-- Publication to the bus, apart from webhook delivery: a relay publishes each outbox row to the
-- partners' topic once (at least once across crashes) and marks it. Rows that existed before count
-- as published, so an upgrade does not flood the bus with history.
ALTER TABLE outbox ADD COLUMN published_at INTEGER NULL;
UPDATE outbox SET published_at = created_at;
CREATE INDEX ix_outbox_unpublished ON outbox (shard, id) WHERE published_at IS NULL;

-- The bus relay leases shards on its own, so it never waits for the webhook relay or the other way round.
CREATE TABLE bus_leases (
    shard       INTEGER NOT NULL PRIMARY KEY,
    owner       TEXT    NULL,
    lease_until INTEGER NOT NULL DEFAULT 0
);
WITH RECURSIVE shards(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM shards WHERE n < 63)
INSERT INTO bus_leases (shard) SELECT n FROM shards;
