-- The write side's own record of whose records are which, and which are closed (since when), so that
-- an erasure can be checked against the retention period and destroys the key of every record of
-- the person. Written in the same transaction as the records' events (a subscribing processor).
-- Records opened before this migration are not in it.
CREATE TABLE person_record (
    record_id    UUID        PRIMARY KEY,
    person_id    UUID        NOT NULL,
    record_type  VARCHAR(10) NOT NULL,
    closed_at    TIMESTAMPTZ
);
CREATE INDEX person_record_person ON person_record (person_id);
