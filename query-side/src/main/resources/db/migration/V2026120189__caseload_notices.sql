-- What the care team is told about their case by others' acts: an emergency access someone took on
-- it, a member the supervisor added to the team. Owned by the "caseload" processing group.
CREATE TABLE intake_notice (
    notice_id   TEXT PRIMARY KEY,
    intake_id   UUID         NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    actor_role  VARCHAR(20)  NOT NULL,
    detail      TEXT,
    noticed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX intake_notice_intake ON intake_notice (intake_id, noticed_at);
