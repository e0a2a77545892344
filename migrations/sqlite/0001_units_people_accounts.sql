-- Units (the administrative tree), people, accounts and role grants.
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    code TEXT UNIQUE,
    parent_id INTEGER REFERENCES units(id),
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village', 'department', 'office')),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    path TEXT NOT NULL,
    depth INTEGER NOT NULL,
    valid_from INTEGER,
    valid_to INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_path ON units(path);
CREATE INDEX units_sort ON units(sort_key);

CREATE TABLE unit_successors (
    unit_id INTEGER NOT NULL REFERENCES units(id),
    successor_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (unit_id, successor_id)
) STRICT;

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    unit_id INTEGER NOT NULL REFERENCES units(id),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX people_unit ON people(unit_id);
CREATE INDEX people_sort ON people(sort_key);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    person_id INTEGER REFERENCES people(id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE role_grants (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'province_office', 'district_officer', 'commune_officer',
                                       'department_officer', 'editor', 'contributor', 'viewer')),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    created_at INTEGER NOT NULL,
    UNIQUE (account_id, role, unit_id)
) STRICT;
CREATE INDEX role_grants_account ON role_grants(account_id);
