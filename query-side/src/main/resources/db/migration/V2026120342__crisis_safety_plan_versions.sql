-- Every version of an episode's safety plan, so earlier ones can be read.
CREATE TABLE crisis_safety_plan_version (
    crisis_id    UUID         NOT NULL,
    version      INTEGER      NOT NULL,
    plan         TEXT,
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (crisis_id, version)
);
