-- Views of an item on one site per month (yyyymm in Asia/Ho_Chi_Minh), for the column's monthly statistics.
-- A flush adds its counts to the month it runs in, so the last seconds of a month may count in the next.
CREATE TABLE item_view_months (
    item_id BIGINT NOT NULL REFERENCES items(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    month BIGINT NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, site_id, month)
);
CREATE INDEX item_view_months_month ON item_view_months(month);
