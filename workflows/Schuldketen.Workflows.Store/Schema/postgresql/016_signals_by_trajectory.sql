-- The case page of a trajectory shows the signals linked to it.
CREATE INDEX ix_signals_trajectory ON signals (trajectory_id);
