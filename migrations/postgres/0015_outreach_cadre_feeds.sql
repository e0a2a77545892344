-- iCalendar feeds of a district's cadres (people), who attend communes' conferences on the district's rotation
-- just as departments do on the province's: the feed lists the conferences of the communes a cadre is assigned
-- to. A token is unguessable and made on first use; instants UTC epoch ms.

CREATE TABLE outreach_person_feeds (
    person_id BIGINT PRIMARY KEY REFERENCES people(id),
    token TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
