-- The public side of the portal: tags, media, revisions, ratings, counters and the page-cache generations.
ALTER TABLE sites ADD COLUMN tagline TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN logo_media_id INTEGER;
ALTER TABLE items ADD COLUMN featured_media_id INTEGER;
ALTER TABLE items ADD COLUMN featured_caption TEXT NOT NULL DEFAULT '';
CREATE INDEX items_published ON items(status, published_at);

-- Where published items show: every site (site_items) and section (section_items) that lists an
-- item, with its publication time, kept by the workflow so public lists are one index range each.
CREATE TABLE site_items (
    site_id INTEGER NOT NULL REFERENCES sites(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    published_at INTEGER NOT NULL,
    PRIMARY KEY (site_id, item_id)
) STRICT;
CREATE INDEX site_items_latest ON site_items(site_id, published_at);
CREATE TABLE section_items (
    section_id INTEGER NOT NULL REFERENCES sections(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    published_at INTEGER NOT NULL,
    PRIMARY KEY (section_id, item_id)
) STRICT;
CREATE INDEX section_items_latest ON section_items(section_id, published_at);

-- Tags are shared by every site; a tag page lists the items a site shows.
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
) STRICT;
CREATE TABLE item_tags (
    item_id INTEGER NOT NULL REFERENCES items(id),
    tag_id INTEGER NOT NULL REFERENCES tags(id),
    PRIMARY KEY (item_id, tag_id)
) STRICT;
CREATE INDEX item_tags_tag ON item_tags(tag_id, item_id);

-- Uploaded images and documents. Images are stored re-encoded (media_files), never as uploaded.
CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    kind TEXT NOT NULL CHECK (kind IN ('image', 'document')),
    sha256 TEXT NOT NULL,
    original_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    alt TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '',
    uploaded_by INTEGER REFERENCES accounts(id),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX media_site ON media(site_id, id);
CREATE TABLE media_files (
    media_id INTEGER NOT NULL REFERENCES media(id),
    variant TEXT NOT NULL,
    content_type TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    data BLOB NOT NULL,
    PRIMARY KEY (media_id, variant)
) STRICT;

-- Gallery photos and attached documents of an item, in order.
CREATE TABLE item_media (
    item_id INTEGER NOT NULL REFERENCES items(id),
    media_id INTEGER NOT NULL REFERENCES media(id),
    role TEXT NOT NULL CHECK (role IN ('gallery', 'attachment')),
    position INTEGER NOT NULL DEFAULT 0,
    caption TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, media_id, role)
) STRICT;
CREATE INDEX item_media_role ON item_media(role, item_id);

CREATE TABLE item_related (
    item_id INTEGER NOT NULL REFERENCES items(id),
    related_id INTEGER NOT NULL REFERENCES items(id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, related_id)
) STRICT;

-- The texts of an item: each text that went online ('applied', recorded at every publication) and the
-- correction of a published item that waits for an editor ('pending', at most one per item) or that an
-- editor dropped ('discarded'), numbered 1, 2, … per item. `tags` is a JSON array of names; `extras` a JSON
-- object with the other fields (source unit, extra sections, pictures, attachments, related items).
CREATE TABLE item_revisions (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    number INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'discarded')),
    genre TEXT NOT NULL,
    title TEXT NOT NULL,
    sapo TEXT NOT NULL,
    body_md TEXT NOT NULL,
    pen_name TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    extras TEXT NOT NULL DEFAULT '{}',
    account_id INTEGER REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    decided_by INTEGER REFERENCES accounts(id),
    decided_at INTEGER,
    UNIQUE (item_id, number)
) STRICT;
CREATE UNIQUE INDEX item_revisions_pending ON item_revisions(item_id) WHERE state = 'pending';

-- One rating per reader and item; a reader who votes again changes their score.
CREATE TABLE ratings (
    item_id INTEGER NOT NULL REFERENCES items(id),
    reader_hash TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    address_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (item_id, reader_hash)
) STRICT;
CREATE INDEX ratings_address ON ratings(address_hash, updated_at);

-- Views of an item on each site that shows it.
CREATE TABLE item_views (
    item_id INTEGER NOT NULL REFERENCES items(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    views INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, site_id)
) STRICT;

-- Visitors: a keyed hash of address and browser with a salt that changes every day (no raw address is
-- stored, and two days cannot be linked); a day's figure counts each hash once.
CREATE TABLE site_visitors (
    site_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    visitor_hash TEXT NOT NULL,
    PRIMARY KEY (site_id, day, visitor_hash)
) STRICT, WITHOUT ROWID;
CREATE TABLE site_visit_days (
    site_id INTEGER NOT NULL REFERENCES sites(id),
    day INTEGER NOT NULL,
    visitors INTEGER NOT NULL DEFAULT 0,
    views INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day)
) STRICT;
-- Readers online now, as each node last reported them.
CREATE TABLE site_online (
    node TEXT NOT NULL,
    site_id INTEGER NOT NULL,
    online INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (node, site_id)
) STRICT;
-- The daily salts, shared by every node.
CREATE TABLE visitor_salts (
    day INTEGER PRIMARY KEY,
    salt TEXT NOT NULL
) STRICT;

-- Page-cache generations: every change takes the next number from the '*' row and stamps its scopes
-- ('site:3', 'item:42') with it, in the transaction that makes the change. Changes queue on the '*'
-- row, so they commit in number order: a node that has seen number N has seen every change up to N,
-- and reads only the scopes stamped after it (one index range) to know which pages to drop.
CREATE TABLE cache_generations (
    scope TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cache_generations_after ON cache_generations(generation);
INSERT INTO cache_generations (scope, generation, changed_at) VALUES ('*', 0, 0);
