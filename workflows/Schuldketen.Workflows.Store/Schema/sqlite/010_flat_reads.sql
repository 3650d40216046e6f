-- Reads that stay flat at a million trajectories: every list, caseload and relay read starts from an index in its own order.

-- The partner list, newest change first, read on from a keyset; and the same per phase.
CREATE INDEX ix_trajectories_recent ON trajectories (updated_at DESC, id);
CREATE INDEX ix_trajectories_phase_recent ON trajectories (phase, updated_at DESC, id);

-- A counsellor's caseload: the trajectories where they are the contact of their organisation.
CREATE INDEX ix_participants_contact ON participants (organisation, contact_id, trajectory_id);

-- The notice relay reads history in recorded order from a cursor, not every trajectory's history per run.
CREATE INDEX ix_history_recorded ON history (recorded_at, trajectory_id, sequence);
CREATE TABLE notice_cursor (
    id          INTEGER NOT NULL PRIMARY KEY,
    recorded_at INTEGER NOT NULL
);
INSERT INTO notice_cursor (id, recorded_at) VALUES (1, 0);
