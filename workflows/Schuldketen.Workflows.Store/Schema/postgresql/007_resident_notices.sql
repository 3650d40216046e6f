-- Notices to residents (the portal's inbox in the embedded default), at most one per history entry and kind.
CREATE TABLE resident_notices (
    subject_hash  TEXT    NOT NULL,
    trajectory_id TEXT    NOT NULL,
    sequence      BIGINT  NOT NULL,
    kind          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    at            BIGINT  NOT NULL,
    PRIMARY KEY (trajectory_id, sequence, kind)
);
CREATE INDEX ix_resident_notices_subject ON resident_notices (subject_hash, at);

-- How far the notice relay has read each trajectory's history.
CREATE TABLE notice_progress (
    trajectory_id TEXT    NOT NULL PRIMARY KEY,
    sequence      BIGINT  NOT NULL
);
