-- The partner list reads one organisation's trajectories, newest change first and per phase, straight from an index of
-- that organisation's participations: walking every trajectory in a phase to find the few of one organisation took
-- seconds at a million. Each apply stamps the trajectory's phase and change time on its participant rows.
ALTER TABLE participants ADD COLUMN phase TEXT NULL;
ALTER TABLE participants ADD COLUMN updated_at BIGINT NULL;
UPDATE participants SET
    phase = (SELECT t.phase FROM trajectories t WHERE t.id = participants.trajectory_id),
    updated_at = (SELECT t.updated_at FROM trajectories t WHERE t.id = participants.trajectory_id);
CREATE INDEX ix_participants_recent ON participants (organisation, updated_at DESC, trajectory_id);
CREATE INDEX ix_participants_phase_recent ON participants (organisation, phase, updated_at DESC, trajectory_id);

-- Every list starts from an organisation, so these served no read and cost every apply two index writes.
DROP INDEX ix_trajectories_recent;
DROP INDEX ix_trajectories_phase_recent;
