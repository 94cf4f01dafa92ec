-- The unit dashboard's own facts, projected from the intake, crisis and referral events, so that it
-- reads no other read model's table. Its processing group is new: its processor starts at the
-- beginning of the event store, so these tables fill from every event already stored.
CREATE TABLE dashboard_case (
    intake_id         UUID PRIMARY KEY,
    unit              VARCHAR(64) NOT NULL,
    population_groups TEXT[]      NOT NULL,
    closed            BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX dashboard_case_unit_open ON dashboard_case (unit) WHERE NOT closed;

CREATE TABLE dashboard_crisis (
    crisis_id           UUID PRIMARY KEY,
    unit                VARCHAR(64) NOT NULL,
    risk                VARCHAR(16),
    -- the latest escalation, and its deadline until it is acknowledged
    escalation_id       UUID,
    escalation_deadline TIMESTAMPTZ,
    closed              BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX dashboard_crisis_unit_open ON dashboard_crisis (unit) WHERE NOT closed;

CREATE TABLE dashboard_escalation (
    escalation_id   UUID PRIMARY KEY,
    crisis_id       UUID        NOT NULL,
    unit            VARCHAR(64) NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    deadline        TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    missed          BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX dashboard_escalation_unit ON dashboard_escalation (unit, raised_at);

CREATE TABLE dashboard_follow_up (
    follow_up_id UUID PRIMARY KEY,
    crisis_id    UUID    NOT NULL,
    overdue      BOOLEAN NOT NULL DEFAULT FALSE,
    done         BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX dashboard_follow_up_crisis ON dashboard_follow_up (crisis_id);

CREATE TABLE dashboard_referral (
    referral_id   UUID PRIMARY KEY,
    unit          VARCHAR(64) NOT NULL,
    intake_id     UUID,
    status        VARCHAR(32) NOT NULL,
    sent          BOOLEAN     NOT NULL DEFAULT FALSE,
    requested_at  TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ,
    accepted_at   TIMESTAMPTZ,
    overdue       BOOLEAN     NOT NULL DEFAULT FALSE,
    next_deadline TIMESTAMPTZ
);
CREATE INDEX dashboard_referral_unit ON dashboard_referral (unit, requested_at);
