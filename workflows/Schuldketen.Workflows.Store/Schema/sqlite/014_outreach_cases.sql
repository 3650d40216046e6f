-- The household behind each outreach case (Vroegsignaalzaak), so a later signal about the same address
-- within the matching period finds the open case. household_key is a keyed hash of the address, never
-- the address; opened_by is the hub's id of the signal that opened the case (a retry knows it is its own).
CREATE TABLE outreach_cases (
    trajectory_id  TEXT    NOT NULL PRIMARY KEY,
    municipality   TEXT    NOT NULL,
    household_key  TEXT    NOT NULL,
    opened_by      TEXT    NOT NULL UNIQUE,
    opened_at      INTEGER NOT NULL,
    period_ends_at INTEGER NOT NULL
);

CREATE INDEX outreach_cases_household ON outreach_cases (municipality, household_key, period_ends_at);
