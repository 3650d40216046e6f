-- Who takes part in a trajectory; a partner sees only trajectories it takes part in.
CREATE TABLE participants (
    trajectory_id TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    contact_name  TEXT    NULL,
    contact_id    TEXT    NULL,
    added_at      INTEGER NOT NULL,
    PRIMARY KEY (trajectory_id, organisation)
);
CREATE INDEX ix_participants_organisation ON participants (organisation, trajectory_id);

-- A timer that fired stays as an overdue deadline until its stop moment; it never fires twice.
ALTER TABLE timers ADD COLUMN fired_at INTEGER NULL;
CREATE INDEX ix_timers_due_on ON timers (trajectory_id, due_on);
