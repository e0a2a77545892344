-- The evaluation of a commune's monthly conference by each agency the rotation sent to it (đánh giá hội
-- nghị): points per criterion, comments, and whether the conference followed its registration. Criteria and
-- their points are data, grouped in sets that take effect on a date, because the regulation changes: a
-- conference is scored on the newest set in effect on its date. A set already used by an evaluation is never
-- edited; a new set is added instead. One evaluation per conference and agency; a retried filing finds its
-- idempotency key in outreach_idempotency_keys (0008) and writes nothing. The filing deadline is the rule's
-- evaluation_due_days after the conference's date (held, else scheduled). Dates 'yyyy-mm-dd' (local), months
-- 'yyyy-mm', instants UTC epoch ms.

ALTER TABLE outreach_deadline_rules ADD COLUMN evaluation_due_days INTEGER NOT NULL DEFAULT 7
    CHECK (evaluation_due_days BETWEEN 0 AND 60);

CREATE TABLE outreach_criteria_sets (
    id INTEGER PRIMARY KEY,
    -- Conferences held (or scheduled) on this date and later use this set, until a later set. The sets apply
    -- to the whole province of the installation.
    effective_from TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    -- The regulation the set follows, as free text.
    basis TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE outreach_criteria (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES outreach_criteria_sets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    max_points INTEGER NOT NULL CHECK (max_points > 0 AND max_points <= 1000),
    UNIQUE (set_id, position),
    UNIQUE (set_id, code)
) STRICT;

CREATE TABLE outreach_evaluations (
    id INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES outreach_conferences(id),
    -- The published assignment that sent the agency, as it was when the evaluation was filed. Not a foreign
    -- key: publishing a month again replaces its assignment rows; level, month and commune stay here.
    assignment_id INTEGER NOT NULL,
    level_unit_id INTEGER NOT NULL REFERENCES units(id),
    month TEXT NOT NULL,
    commune_id INTEGER NOT NULL REFERENCES units(id),
    -- The attending agency: a department (unit) or a district's cadre (person), exactly one of them.
    agency_unit_id INTEGER REFERENCES units(id),
    agency_person_id INTEGER REFERENCES people(id),
    criteria_set_id INTEGER NOT NULL REFERENCES outreach_criteria_sets(id),
    total_points INTEGER NOT NULL CHECK (total_points >= 0),
    max_points INTEGER NOT NULL CHECK (max_points > 0),
    followed_registration INTEGER NOT NULL CHECK (followed_registration IN (0, 1)),
    comments TEXT NOT NULL DEFAULT '',
    filed_by TEXT NOT NULL,
    filed_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    idempotency_key TEXT NOT NULL DEFAULT '',
    CHECK ((agency_unit_id IS NULL) <> (agency_person_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX outreach_evaluations_unit_once ON outreach_evaluations(conference_id, agency_unit_id)
    WHERE agency_unit_id IS NOT NULL;
CREATE UNIQUE INDEX outreach_evaluations_person_once ON outreach_evaluations(conference_id, agency_person_id)
    WHERE agency_person_id IS NOT NULL;
-- The boards and the weak-area classification read a period's evaluations of a subtree.
CREATE INDEX outreach_evaluations_month ON outreach_evaluations(month, commune_id);

CREATE TABLE outreach_evaluation_scores (
    evaluation_id INTEGER NOT NULL REFERENCES outreach_evaluations(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES outreach_criteria(id),
    points INTEGER NOT NULL CHECK (points >= 0),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (evaluation_id, criterion_id)
) STRICT;
