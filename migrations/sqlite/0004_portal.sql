-- The portal: sites (one per unit that publishes), their sections, news items and the editorial trail.
CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    host TEXT UNIQUE,
    name TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX sites_unit ON sites(unit_id);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    parent_id INTEGER REFERENCES sections(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    is_outreach INTEGER NOT NULL DEFAULT 0 CHECK (is_outreach IN (0, 1)),
    created_at INTEGER NOT NULL,
    UNIQUE (site_id, slug)
) STRICT;

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    section_id INTEGER NOT NULL REFERENCES sections(id),
    genre TEXT NOT NULL CHECK (genre IN ('tin', 'bai', 'anh', 'van-ban')),
    title TEXT NOT NULL,
    slug TEXT NOT NULL,
    sapo TEXT NOT NULL DEFAULT '',
    body_md TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    author_account_id INTEGER NOT NULL REFERENCES accounts(id),
    pen_name TEXT NOT NULL DEFAULT '',
    source_unit_id INTEGER REFERENCES units(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'scheduled', 'published',
                                           'withdrawn')),
    publish_at INTEGER,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX items_site_status ON items(site_id, status, published_at);
CREATE INDEX items_author ON items(author_account_id);

-- Further sections an item appears in, on its own site or (shared) in another site's outreach column.
CREATE TABLE item_sections (
    item_id INTEGER NOT NULL REFERENCES items(id),
    section_id INTEGER NOT NULL REFERENCES sections(id),
    PRIMARY KEY (item_id, section_id)
) STRICT;
CREATE INDEX item_sections_section ON item_sections(section_id);

-- Every editorial step: who moved the item from which status to which, and why.
CREATE TABLE item_events (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    at INTEGER NOT NULL,
    actor_account_id INTEGER REFERENCES accounts(id),
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX item_events_item ON item_events(item_id, id);
