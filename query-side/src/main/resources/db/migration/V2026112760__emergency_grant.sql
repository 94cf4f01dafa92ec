-- Query side: emergency access grants, owned by the "access-audit" processing group.
CREATE TABLE emergency_grant (
    grant_id     UUID PRIMARY KEY,
    record_type  VARCHAR(20)  NOT NULL,
    record_id    UUID         NOT NULL,
    record_unit  VARCHAR(64)  NOT NULL,
    viewer       VARCHAR(100) NOT NULL,
    viewer_role  VARCHAR(20)  NOT NULL,
    reason       TEXT         NOT NULL,
    granted_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    expired      BOOLEAN      NOT NULL DEFAULT FALSE,
    reviewed_by  VARCHAR(100),
    finding      TEXT
);
CREATE INDEX emergency_grant_viewer ON emergency_grant (viewer, record_id);
CREATE INDEX emergency_grant_unit ON emergency_grant (record_unit, granted_at);
