-- Editorial roles held on one site, or on one section of it (and its subsections): contributors write,
-- editors approve or return, the board (ban biên tập) publishes, schedules, withdraws and corrects.
-- Editors and contributors granted on a site's unit in role_grants hold their role on the whole site too.
CREATE TABLE site_roles (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    section_id INTEGER REFERENCES sections(id),
    role TEXT NOT NULL CHECK (role IN ('contributor', 'editor', 'board')),
    created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX site_roles_unique ON site_roles(account_id, site_id, COALESCE(section_id, 0), role);
CREATE INDEX site_roles_site ON site_roles(site_id);
