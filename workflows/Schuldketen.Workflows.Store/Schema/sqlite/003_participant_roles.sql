-- An organisation may take part in one trajectory in more than one role: a municipality
-- that does its own debt help is both the municipality and the debt counsellor.
CREATE TABLE participants_by_role (
    trajectory_id TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    contact_name  TEXT    NULL,
    contact_id    TEXT    NULL,
    added_at      INTEGER NOT NULL,
    PRIMARY KEY (trajectory_id, organisation, role)
);
INSERT INTO participants_by_role (trajectory_id, organisation, role, contact_name, contact_id, added_at)
    SELECT trajectory_id, organisation, role, contact_name, contact_id, added_at FROM participants;
DROP TABLE participants;
ALTER TABLE participants_by_role RENAME TO participants;
CREATE INDEX ix_participants_organisation ON participants (organisation, trajectory_id);
