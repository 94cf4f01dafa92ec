-- Broken glass on a crisis episode, told to the unit's crisis staff on the episode. Owned by the
-- crisis board's processing group.
CREATE TABLE crisis_emergency_access (
    grant_id    UUID PRIMARY KEY,
    crisis_id   UUID         NOT NULL,
    viewer      VARCHAR(100) NOT NULL,
    viewer_role VARCHAR(20)  NOT NULL,
    reason      TEXT,
    granted_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX crisis_emergency_access_crisis ON crisis_emergency_access (crisis_id, granted_at);
