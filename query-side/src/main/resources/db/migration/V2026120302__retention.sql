-- The privacy officer's retention list: each person's records (client, or an anonymous caller's
-- episode), whether and when each closed; legal holds in force; erasures done. No personal data.
CREATE TABLE retention_record (
    record_id         UUID        PRIMARY KEY,
    person_id         UUID        NOT NULL,
    record_type       VARCHAR(10) NOT NULL,
    unit              VARCHAR(64) NOT NULL,
    client_reference  VARCHAR(20),
    closed_at         TIMESTAMPTZ
);
CREATE INDEX retention_record_person ON retention_record (person_id);

CREATE TABLE retention_hold (
    person_id  UUID         PRIMARY KEY,
    reason     TEXT         NOT NULL,
    placed_by  VARCHAR(100) NOT NULL,
    placed_at  TIMESTAMPTZ  NOT NULL,
    until      TIMESTAMPTZ
);

CREATE TABLE retention_erasure (
    person_id          UUID         PRIMARY KEY,
    records            INTEGER      NOT NULL,
    basis              VARCHAR(20)  NOT NULL,
    reason             TEXT         NOT NULL,
    request_reference  TEXT,
    erased_by          VARCHAR(100) NOT NULL,
    erased_at          TIMESTAMPTZ  NOT NULL
);
