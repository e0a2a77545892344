-- Views of an item on one site per month (yyyymm in Asia/Ho_Chi_Minh), for the column's monthly statistics.
-- A flush adds its counts to the month it runs in, so the last seconds of a month may count in the next.
CREATE TABLE item_view_months (
    item_id INTEGER NOT NULL REFERENCES items(id),
    site_id INTEGER NOT NULL REFERENCES sites(id),
    month INTEGER NOT NULL,
    views INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, site_id, month)
) STRICT;
CREATE INDEX item_view_months_month ON item_view_months(month);
