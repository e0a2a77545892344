-- A counter per cached table: every change bumps it in the same transaction, so each node can tell
-- with one primary-key read whether its in-memory copy is still current.
CREATE TABLE change_counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;
INSERT INTO change_counters (name, value) VALUES ('units', 1);
