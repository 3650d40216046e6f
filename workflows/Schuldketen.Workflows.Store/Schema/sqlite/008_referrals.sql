-- GP referrals (FHIR Task). The referral's status is not stored: it follows its trajectory, except
-- a referrer's cancellation. A retried referral (same referrer, same key) finds the first one.
CREATE TABLE referrals (
    id                TEXT    NOT NULL PRIMARY KEY,
    referrer          TEXT    NOT NULL,
    idempotency_key   TEXT    NOT NULL,
    identifier_system TEXT    NULL,
    identifier_value  TEXT    NULL,
    trajectory_id     TEXT    NOT NULL,
    owner             TEXT    NOT NULL,
    authored_at       INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    cancelled_at      INTEGER NULL,
    UNIQUE (referrer, idempotency_key)
);
CREATE INDEX ix_referrals_trajectory ON referrals (trajectory_id);
