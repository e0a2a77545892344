-- Supervision of the monthly conference: reminders sent to a commune from the supervision board, and
-- reprimands (nhắc nhở, phê bình) of the head of a commune's outreach committee. Both are shown on the
-- board, on the unit's supervision page and in later reports. Months are 'yyyy-mm', dates 'yyyy-mm-dd'
-- (local, Asia/Ho_Chi_Minh), instants UTC epoch ms. Retried POSTs are matched through
-- outreach_idempotency_keys (0008); the key is kept on the row for the audit trail.

CREATE TABLE outreach_reminders (
    id INTEGER PRIMARY KEY,
    -- The commune reminded.
    unit_id INTEGER NOT NULL REFERENCES units(id),
    -- The conference month the reminder is about.
    month TEXT NOT NULL,
    reason TEXT NOT NULL,
    sent_by TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    -- Accounts notified (in the application and by e-mail when they have an address).
    recipients INTEGER NOT NULL CHECK (recipients >= 0),
    idempotency_key TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX outreach_reminders_unit ON outreach_reminders(unit_id, month);
CREATE INDEX outreach_reminders_month ON outreach_reminders(month, unit_id);

CREATE TABLE outreach_reprimands (
    id INTEGER PRIMARY KEY,
    -- The commune whose head is reprimanded.
    unit_id INTEGER NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL CHECK (kind IN ('nhac_nho', 'phe_binh')),
    -- The head of the commune's outreach committee at the time, when there was one.
    person_id INTEGER REFERENCES people(id),
    person_name TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    -- Number of the written decision, when there is one ("12-TB/HU").
    document_number TEXT NOT NULL DEFAULT '',
    decided_on TEXT NOT NULL,
    -- The conference month it concerns (the board's month).
    month TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX outreach_reprimands_unit ON outreach_reprimands(unit_id, decided_on);
CREATE INDEX outreach_reprimands_month ON outreach_reprimands(month, unit_id);
