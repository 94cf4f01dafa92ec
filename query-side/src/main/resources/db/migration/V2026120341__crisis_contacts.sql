-- The contacts of an episode after the one that opened it: calls, chats, visits.
CREATE TABLE crisis_contact (
    contact_id  UUID PRIMARY KEY,
    crisis_id   UUID         NOT NULL,
    channel     VARCHAR(30)  NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    minutes     INTEGER      NOT NULL,
    taken_by    VARCHAR(100) NOT NULL,
    note        TEXT
);
CREATE INDEX crisis_contact_crisis ON crisis_contact (crisis_id, started_at);
