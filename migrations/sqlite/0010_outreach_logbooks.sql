-- The outreach logbook (sổ nhật ký tuyên vận) of each committee and team: one entry per activity.
CREATE TABLE outreach_logbook_entries (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES outreach_bodies(id),
    -- The commune the body works in (a team's commune, or a commune committee's own unit); NULL for district
    -- and province committees. Kept on the entry so the commune's review list and the counts per commune
    -- need no walk through the bodies.
    commune_id INTEGER REFERENCES units(id),
    -- The village where the activity took place; NULL when it was not in one village.
    village_id INTEGER REFERENCES units(id),
    -- The day of the activity, ISO yyyy-mm-dd.
    day TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('meeting', 'home_visit', 'loudspeaker', 'cultural_event', 'online')),
    topic TEXT NOT NULL,
    households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
    people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
    opinions TEXT NOT NULL DEFAULT '',
    follow_up TEXT NOT NULL DEFAULT '',
    written_by TEXT NOT NULL,
    -- The key the sending browser made for this entry: a resend of the same entry finds it here.
    client_key TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    reviewed_at INTEGER,
    reviewed_by TEXT,
    review_comment TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
-- A body's logbook, newest first.
CREATE INDEX outreach_logbook_body_day ON outreach_logbook_entries(body_id, day, id);
-- A commune's entries by day, and the counts per commune and month (covering: no table reads).
CREATE INDEX outreach_logbook_commune_day ON outreach_logbook_entries(commune_id, day, households, people);
