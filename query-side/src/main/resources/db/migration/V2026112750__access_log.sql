-- Query side: who viewed what, owned by the "access-audit" processing group.
CREATE TABLE access_log (
    view_id      UUID PRIMARY KEY,
    viewed_at    TIMESTAMPTZ  NOT NULL,
    viewer       VARCHAR(100) NOT NULL,
    viewer_role  VARCHAR(20)  NOT NULL,
    record_type  VARCHAR(20)  NOT NULL,
    record_id    UUID         NOT NULL,
    record_unit  VARCHAR(64),
    scope        TEXT         NOT NULL,
    purpose      VARCHAR(30)  NOT NULL,
    refused      BOOLEAN      NOT NULL
);
CREATE INDEX access_log_unit_time ON access_log (record_unit, viewed_at);
CREATE INDEX access_log_record ON access_log (record_id, viewed_at);
