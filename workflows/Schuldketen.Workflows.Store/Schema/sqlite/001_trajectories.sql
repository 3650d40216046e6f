-- Instants are Unix milliseconds (UTC) in both providers, so both run the same code and tests.
CREATE TABLE trajectories (
    id                 TEXT    NOT NULL PRIMARY KEY,
    definition_id      TEXT    NOT NULL,
    definition_version INTEGER NOT NULL,
    phase              TEXT    NOT NULL,
    outcome            TEXT    NULL,
    version            INTEGER NOT NULL,
    sequence           INTEGER NOT NULL,
    municipality       TEXT    NOT NULL,
    subject_hash       TEXT    NULL,
    subject_cipher     TEXT    NULL,
    started_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX ix_trajectories_definition ON trajectories (definition_id, definition_version, phase);
CREATE INDEX ix_trajectories_subject ON trajectories (subject_hash);

CREATE TABLE history (
    trajectory_id      TEXT    NOT NULL,
    sequence           INTEGER NOT NULL,
    event_type         TEXT    NOT NULL,
    source             TEXT    NOT NULL,
    event_id           TEXT    NOT NULL,
    phase              TEXT    NOT NULL,
    outcome            TEXT    NULL,
    occurred_at        INTEGER NOT NULL,
    recorded_at        INTEGER NOT NULL,
    actor_organisation TEXT    NOT NULL,
    actor_role         TEXT    NOT NULL,
    actor_person       TEXT    NULL,
    data               TEXT    NOT NULL,
    PRIMARY KEY (trajectory_id, sequence)
);

CREATE TABLE inbox (
    source        TEXT    NOT NULL,
    event_id      TEXT    NOT NULL,
    trajectory_id TEXT    NOT NULL,
    result        TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    PRIMARY KEY (source, event_id)
);

CREATE TABLE outbox (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    trajectory_id TEXT    NOT NULL,
    sequence      INTEGER NOT NULL,
    audience      TEXT    NOT NULL,
    event_type    TEXT    NOT NULL,
    payload       TEXT    NOT NULL,
    trace_parent  TEXT    NULL,
    created_at    INTEGER NOT NULL,
    sent_at       INTEGER NULL
);
CREATE INDEX ix_outbox_pending ON outbox (sent_at, id);

CREATE TABLE timers (
    trajectory_id TEXT    NOT NULL,
    deadline_id   TEXT    NOT NULL,
    event_type    TEXT    NOT NULL,
    started_on    TEXT    NOT NULL,
    due_on        TEXT    NOT NULL,
    fires_at      INTEGER NOT NULL,
    PRIMARY KEY (trajectory_id, deadline_id)
);
CREATE INDEX ix_timers_due ON timers (fires_at);

CREATE TABLE audit (
    id                 INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at                 INTEGER NOT NULL,
    trace_id           TEXT    NULL,
    span_id            TEXT    NULL,
    activity           TEXT    NOT NULL,
    actor_organisation TEXT    NOT NULL,
    actor_person       TEXT    NULL,
    trajectory_id      TEXT    NULL,
    subject_cipher     TEXT    NULL,
    status             TEXT    NOT NULL
);
CREATE INDEX ix_audit_trajectory ON audit (trajectory_id, at);
