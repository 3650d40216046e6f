-- Relay hosts announce themselves while they live, so the relays of a kind share the 64 shards
-- among the hosts alive (each takes at most its share) and take over a dead host's shards.
CREATE TABLE relay_hosts (
    kind        TEXT    NOT NULL,
    owner       TEXT    NOT NULL,
    alive_until INTEGER NOT NULL,
    PRIMARY KEY (kind, owner)
);

-- When the latest attempt at a delivery began, and when the bus relay read an outbox row and began
-- publishing it: with created_at and the arrival they show where the time of a delivery goes.
ALTER TABLE deliveries ADD COLUMN attempted_at INTEGER NULL;
ALTER TABLE outbox ADD COLUMN bus_read_at INTEGER NULL;
ALTER TABLE outbox ADD COLUMN bus_sent_at INTEGER NULL;
