-- Early-warning signals (Vroegsignalen), beside the trajectories. The resident's personal data is only in
-- personal_cipher (encrypted); the hashes are keyed. A row whose data was deleted stays as a tombstone:
-- its id_hash (partner and the partner's signal id) makes the same signal, sent again, a repeat.
CREATE TABLE signals (
    id               TEXT    NOT NULL PRIMARY KEY,
    id_hash          TEXT    NOT NULL UNIQUE,
    municipality     TEXT    NOT NULL,
    partner_type     TEXT    NOT NULL,
    partner_name     TEXT    NOT NULL,
    partner_oin      TEXT    NULL,
    import_id        TEXT    NULL,
    import_line      BIGINT  NULL,
    household_hash   TEXT    NULL,
    person_hash      TEXT    NULL,
    subject_hash     TEXT    NULL,
    amount           BIGINT   NULL,
    arose_on         TEXT    NULL,
    signalled_on     TEXT    NOT NULL,
    crisis           BIGINT   NOT NULL,
    warm_handover    BIGINT   NOT NULL,
    status           TEXT    NOT NULL,
    case_id          TEXT    NULL,
    trajectory_id    TEXT    NULL,
    personal_cipher  TEXT    NULL,
    received_at      BIGINT   NOT NULL,
    deleted_at       BIGINT   NULL
);
CREATE INDEX ix_signals_household ON signals (municipality, household_hash, received_at);
CREATE INDEX ix_signals_person ON signals (person_hash, received_at);
CREATE INDEX ix_signals_case ON signals (case_id);

-- One upload or API call: counted as its rows are applied; done once every row is either accepted or refused.
CREATE TABLE signal_imports (
    id           TEXT    NOT NULL PRIMARY KEY,
    caller       TEXT    NOT NULL,
    caller_role  TEXT    NOT NULL,
    media_type   TEXT    NOT NULL,
    rows_read    BIGINT   NOT NULL,
    accepted     BIGINT   NOT NULL,
    refused      BIGINT   NOT NULL,
    done         BIGINT   NOT NULL,
    received_at  BIGINT   NOT NULL,
    finished_at  BIGINT   NULL
);

-- Why a row was refused: line and field and what to fix, never the value.
CREATE TABLE signal_import_faults (
    import_id TEXT    NOT NULL,
    line      BIGINT   NOT NULL,
    field     TEXT    NOT NULL,
    problem   TEXT    NOT NULL,
    PRIMARY KEY (import_id, line, field)
);
