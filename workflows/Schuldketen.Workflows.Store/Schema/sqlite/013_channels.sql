-- Every way in records its channel (the controlled list in contracts, by wire name). Trajectories registered before
-- channels were recorded came in through the API, or through a GP referral when their registration came over FHIR.
ALTER TABLE trajectories ADD COLUMN channel TEXT NOT NULL DEFAULT 'systeem';
UPDATE trajectories SET channel = 'huisarts'
 WHERE id IN (SELECT trajectory_id FROM history WHERE sequence = 1 AND source LIKE 'urn:nld:oin:%:fhir');

-- The chain overview counts per channel: what the next event needs is the channel, the day of registration, whether the
-- first conversation was held and whether the trajectory dropped out before it. The counters are made again from the
-- histories (the store's backfill at start), so the trajectories from before count per channel too.
ALTER TABLE overview_trajectories ADD COLUMN channel TEXT NOT NULL DEFAULT 'systeem';
ALTER TABLE overview_trajectories ADD COLUMN registered_on TEXT NOT NULL DEFAULT '';
ALTER TABLE overview_trajectories ADD COLUMN talked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE overview_trajectories ADD COLUMN dropped_early BIGINT NOT NULL DEFAULT 0;
DELETE FROM overview_trajectories;
DELETE FROM overview_counts;
DELETE FROM overview_backfill;
INSERT INTO overview_backfill (trajectory_id) SELECT id FROM trajectories;

-- What a resident filled in at /aanmelden (how to reach them, what is going on, the crisis questions), encrypted as one
-- text: personal data never in clear. One row per trajectory; a repeated submit keeps the first.
CREATE TABLE self_registrations (
    trajectory_id TEXT   NOT NULL PRIMARY KEY,
    answers       TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
