-- Outreach committees (ban tuyên vận) of communes, districts and the province, village teams (tổ tuyên vận),
-- their members with history, and speakers (báo cáo viên) with the topics they present.
CREATE TABLE outreach_bodies (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('committee', 'team')),
    -- A committee's unit is its commune, district or province; a team's is its village.
    unit_id INTEGER NOT NULL REFERENCES units(id),
    -- A team belongs to its commune's committee.
    parent_body_id INTEGER REFERENCES outreach_bodies(id),
    name TEXT NOT NULL,
    established_on TEXT,
    dissolved_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX outreach_bodies_unit ON outreach_bodies(unit_id);
-- One standing body per unit: a second committee or team for the same unit is a duplicate.
CREATE UNIQUE INDEX outreach_bodies_one_open ON outreach_bodies(unit_id) WHERE dissolved_on IS NULL;
CREATE INDEX outreach_bodies_parent ON outreach_bodies(parent_body_id);

CREATE TABLE outreach_members (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES outreach_bodies(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    -- 'head', 'full_time_deputy', 'deputy', 'member' for committees; 'leader', 'member' for teams.
    role TEXT NOT NULL CHECK (role IN ('head', 'full_time_deputy', 'deputy', 'leader', 'member')),
    position TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    start_on TEXT NOT NULL,
    end_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX outreach_members_body ON outreach_members(body_id, end_on);
CREATE INDEX outreach_members_person ON outreach_members(person_id);
-- A person holds one current seat per body, and a body one current head, full-time deputy or leader.
CREATE UNIQUE INDEX outreach_members_one_seat ON outreach_members(body_id, person_id) WHERE end_on IS NULL;
CREATE UNIQUE INDEX outreach_members_one_lead ON outreach_members(body_id, role)
    WHERE end_on IS NULL AND role IN ('head', 'full_time_deputy', 'leader');

CREATE TABLE outreach_speakers (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    -- The level the speaker serves: the unit whose speaker list holds them.
    unit_id INTEGER NOT NULL REFERENCES units(id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (person_id, unit_id)
) STRICT;
CREATE INDEX outreach_speakers_unit ON outreach_speakers(unit_id);

CREATE TABLE outreach_speaker_topics (
    speaker_id INTEGER NOT NULL REFERENCES outreach_speakers(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (speaker_id, topic)
) STRICT;

-- The working rules (quy chế hoạt động) of a body: PDF or DOCX, bytes in the database so nodes stay
-- stateless. Every upload is kept; the newest is the one in force.
CREATE TABLE outreach_body_documents (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES outreach_bodies(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    -- The date the rules were adopted, ISO yyyy-mm-dd.
    adopted_on TEXT NOT NULL,
    data BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- The same file twice for one body is a duplicate submission.
    UNIQUE (body_id, sha256)
) STRICT;
CREATE INDEX outreach_body_documents_body ON outreach_body_documents(body_id, id);
