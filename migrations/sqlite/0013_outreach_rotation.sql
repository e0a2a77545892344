-- The rotation of attending agencies (luân phiên địa bàn): which provincial departments (province level) or
-- which of a district's cadres (district level) attend which commune's monthly conference. A month of a level
-- has at most one draft and one published set of assignments: publishing replaces the published set by the
-- draft in one transaction, so a retried publish finds no draft and writes nothing. Months are 'yyyy-mm';
-- instants UTC epoch ms.

CREATE TABLE outreach_rotation_assignments (
    id INTEGER PRIMARY KEY,
    -- The province or district whose rotation this is.
    level_unit_id INTEGER NOT NULL REFERENCES units(id),
    month TEXT NOT NULL,
    commune_id INTEGER NOT NULL REFERENCES units(id),
    -- The attending agency: a department (unit) or a district's cadre (person), exactly one of them.
    agency_unit_id INTEGER REFERENCES units(id),
    agency_person_id INTEGER REFERENCES people(id),
    -- Fixed by the officer rather than proposed.
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    -- Why the proposal made it: a JSON array of Vietnamese sentences.
    reasons TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((agency_unit_id IS NULL) <> (agency_person_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX outreach_rotation_unit_once
    ON outreach_rotation_assignments(level_unit_id, month, status, commune_id, agency_unit_id)
    WHERE agency_unit_id IS NOT NULL;
CREATE UNIQUE INDEX outreach_rotation_person_once
    ON outreach_rotation_assignments(level_unit_id, month, status, commune_id, agency_person_id)
    WHERE agency_person_id IS NOT NULL;
-- An agency's assignments by month (its page, its calendar feed).
CREATE INDEX outreach_rotation_agency_unit ON outreach_rotation_assignments(agency_unit_id, month, status);
CREATE INDEX outreach_rotation_agency_person ON outreach_rotation_assignments(agency_person_id, month, status);
-- A commune's attendances by month.
CREATE INDEX outreach_rotation_commune ON outreach_rotation_assignments(commune_id, month, status);
-- A level's history (the last 24 months) and a month's sets.
CREATE INDEX outreach_rotation_level ON outreach_rotation_assignments(level_unit_id, status, month);
