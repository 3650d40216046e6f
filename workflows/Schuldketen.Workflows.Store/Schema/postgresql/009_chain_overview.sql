-- The chain overview as a read model, kept up to date in the apply transaction. Per trajectory what
-- the next event needs to update the counters (phases are space-separated, clocks "deadline=due-date").
CREATE TABLE overview_trajectories (
    trajectory_id      TEXT    NOT NULL PRIMARY KEY,
    municipality       TEXT    NOT NULL,
    definition_id      TEXT    NOT NULL,
    definition_version BIGINT  NOT NULL,
    phase              TEXT    NOT NULL,
    phase_entered_on   TEXT    NOT NULL,
    reached            TEXT    NOT NULL,
    dropped_at         TEXT    NULL,
    clocks             TEXT    NOT NULL,
    met                BIGINT  NOT NULL,
    missed             BIGINT  NOT NULL
);

-- Counters per municipality, spread over buckets (one per writer) so parallel writers do not queue
-- on one row; a reader sums the buckets.
CREATE TABLE overview_counts (
    municipality TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    counter_key  TEXT    NOT NULL,
    bucket       BIGINT  NOT NULL,
    amount       BIGINT  NOT NULL,
    PRIMARY KEY (municipality, kind, counter_key, bucket)
);

-- Trajectories that existed before the read model: the store counts them from their histories when it opens.
CREATE TABLE overview_backfill (
    trajectory_id TEXT NOT NULL PRIMARY KEY
);
INSERT INTO overview_backfill (trajectory_id) SELECT id FROM trajectories;
