-- Query side: the service directory, owned by the "directory" processing group.
CREATE TABLE provider_view (
    provider_id    UUID PRIMARY KEY,
    organisation   TEXT        NOT NULL,
    service_name   TEXT        NOT NULL,
    description    TEXT,
    service_types  TEXT[]      NOT NULL,
    eligibility    TEXT,
    languages      TEXT[]      NOT NULL,
    area           VARCHAR(100) NOT NULL,
    capacity       VARCHAR(20) NOT NULL,
    phone          TEXT,
    email          TEXT,
    address        TEXT,
    website        TEXT,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL
);
CREATE INDEX provider_view_types ON provider_view USING gin (service_types);
CREATE INDEX provider_view_area ON provider_view (lower(area));
