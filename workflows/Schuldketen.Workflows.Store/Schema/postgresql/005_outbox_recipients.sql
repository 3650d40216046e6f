-- Who hears an outbox row is settled when the event happens: the organisations of its audience
-- that took part at that moment (space-separated OINs), not whoever takes part when the relay runs.
ALTER TABLE outbox ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
