-- The monthly outreach conference (hội nghị tuyên vận) of each commune: its registration, schedule
-- changes with their reasons, the record of the held conference with photos, the province's deadline
-- rules, per-unit calendar feed tokens and the idempotency keys of retried submissions.
-- Dates are local calendar dates in Asia/Ho_Chi_Minh as 'yyyy-mm-dd'; instants are UTC epoch ms.

CREATE TABLE outreach_deadline_rules (
    id INTEGER PRIMARY KEY,
    -- The rule applies to conferences of this month ('yyyy-mm') and later, until a later rule.
    effective_month TEXT NOT NULL UNIQUE,
    -- Register by this day of the previous month (the month's last day when it is shorter).
    registration_day INTEGER NOT NULL CHECK (registration_day BETWEEN 1 AND 31),
    -- Submit the record within this many days after the scheduled date.
    record_due_days INTEGER NOT NULL CHECK (record_due_days BETWEEN 0 AND 60),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

CREATE TABLE outreach_conferences (
    id INTEGER PRIMARY KEY,
    -- The commune holding the conference.
    unit_id INTEGER NOT NULL REFERENCES units(id),
    month TEXT NOT NULL,
    -- As first registered; schedule changes move scheduled_* and keep these.
    original_date TEXT NOT NULL,
    original_time TEXT NOT NULL,
    scheduled_date TEXT NOT NULL,
    scheduled_time TEXT NOT NULL,
    venue TEXT NOT NULL,
    chair TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    registered_by TEXT NOT NULL,
    -- iCalendar SEQUENCE: bumped by every schedule change.
    sequence INTEGER NOT NULL DEFAULT 0,
    -- The draft sent to the portal's "Thông tin tuyên vận" column from the record.
    column_item_id INTEGER REFERENCES items(id),
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (unit_id, month)
) STRICT;
CREATE INDEX outreach_conferences_month ON outreach_conferences(month, scheduled_date);

CREATE TABLE outreach_conference_topics (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES outreach_conferences(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('planned', 'presented')),
    position INTEGER NOT NULL,
    topic TEXT NOT NULL,
    speaker_id INTEGER REFERENCES outreach_speakers(id),
    speaker_name TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX outreach_conference_topics_conference ON outreach_conference_topics(conference_id, kind, position);
CREATE INDEX outreach_conference_topics_speaker ON outreach_conference_topics(speaker_id);

CREATE TABLE outreach_conference_changes (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES outreach_conferences(id) ON DELETE CASCADE,
    made_at INTEGER NOT NULL,
    made_by TEXT NOT NULL,
    before_date TEXT NOT NULL,
    before_time TEXT NOT NULL,
    before_venue TEXT NOT NULL,
    after_date TEXT NOT NULL,
    after_time TEXT NOT NULL,
    after_venue TEXT NOT NULL,
    reason TEXT NOT NULL
) STRICT;
CREATE INDEX outreach_conference_changes_conference ON outreach_conference_changes(conference_id, id);

CREATE TABLE outreach_conference_records (
    conference_id INTEGER PRIMARY KEY REFERENCES outreach_conferences(id) ON DELETE CASCADE,
    held_date TEXT NOT NULL,
    cadres INTEGER NOT NULL CHECK (cadres >= 0),
    party_members INTEGER NOT NULL CHECK (party_members >= 0),
    committee_members INTEGER NOT NULL CHECK (committee_members >= 0),
    people INTEGER NOT NULL CHECK (people >= 0),
    materials TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL,
    submitted_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE outreach_conference_opinions (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES outreach_conferences(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    opinion TEXT NOT NULL,
    follow_up TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX outreach_conference_opinions_conference ON outreach_conference_opinions(conference_id, position);

CREATE TABLE outreach_conference_photos (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES outreach_conferences(id) ON DELETE CASCADE,
    caption TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
) STRICT;
CREATE INDEX outreach_conference_photos_conference ON outreach_conference_photos(conference_id, id);

-- The processed variants of a photo (media::ProcessImage), like the portal's media_files.
CREATE TABLE outreach_conference_photo_files (
    photo_id INTEGER NOT NULL REFERENCES outreach_conference_photos(id) ON DELETE CASCADE,
    variant TEXT NOT NULL,
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (photo_id, variant)
) STRICT;

-- The unguessable token of a unit's iCalendar feed (calendar apps cannot sign in).
CREATE TABLE outreach_calendar_feeds (
    unit_id INTEGER PRIMARY KEY REFERENCES units(id),
    token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) STRICT;

-- A retried POST with the same key answers with what the first one made and writes nothing.
CREATE TABLE outreach_idempotency_keys (
    account_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    action TEXT NOT NULL,
    result_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
) STRICT;

INSERT INTO outreach_deadline_rules (effective_month, registration_day, record_due_days, created_at, created_by)
VALUES ('2000-01', 25, 5, 0, 'system');
