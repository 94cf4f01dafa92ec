-- Query side: crisis episodes, their escalations and follow-ups; owned by "crisis-board".
CREATE TABLE crisis_view (
    crisis_id            UUID PRIMARY KEY,
    unit                 VARCHAR(64)  NOT NULL,
    channel              VARCHAR(30)  NOT NULL,
    caller               VARCHAR(30)  NOT NULL,
    client_id            UUID,
    intake_id            UUID,
    summary              TEXT,
    opened_by            VARCHAR(100) NOT NULL,
    opened_at            TIMESTAMPTZ  NOT NULL,
    risk                 VARCHAR(10),
    highest_risk         VARCHAR(10),
    consult_requested    BOOLEAN      NOT NULL DEFAULT FALSE,
    consulted_by         VARCHAR(100),
    consult_advice       TEXT,
    tier                 VARCHAR(30),
    escalation_id        UUID,
    escalation_deadline  TIMESTAMPTZ,
    acknowledged         BOOLEAN,
    acknowledged_by      VARCHAR(100),
    missed_deadlines     INTEGER      NOT NULL DEFAULT 0,
    rescue               VARCHAR(20),
    rescue_agency        VARCHAR(20),
    rescue_reference     VARCHAR(100),
    rescue_reason        TEXT,
    rescue_confirm_by    TIMESTAMPTZ,
    rescue_outcome       TEXT,
    safety_plan          TEXT,
    safety_plan_version  INTEGER      NOT NULL DEFAULT 0,
    failed_follow_ups    INTEGER      NOT NULL DEFAULT 0,
    lost_to_follow_up    BOOLEAN      NOT NULL DEFAULT FALSE,
    deescalated          BOOLEAN      NOT NULL DEFAULT FALSE,
    closure_pending      BOOLEAN      NOT NULL DEFAULT FALSE,
    closed               BOOLEAN      NOT NULL DEFAULT FALSE,
    closure_reason       VARCHAR(30),
    closure_summary      TEXT,
    closed_by            VARCHAR(100),
    approved_by          VARCHAR(100),
    closed_at            TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL
);
CREATE INDEX crisis_view_unit_open ON crisis_view (unit) WHERE NOT closed;
CREATE INDEX crisis_view_client ON crisis_view (client_id);

CREATE TABLE crisis_escalation (
    escalation_id    UUID PRIMARY KEY,
    crisis_id        UUID         NOT NULL,
    tier             VARCHAR(30)  NOT NULL,
    risk             VARCHAR(10)  NOT NULL,
    reason           TEXT,
    raised_by        VARCHAR(100) NOT NULL,
    raised_at        TIMESTAMPTZ  NOT NULL,
    deadline         TIMESTAMPTZ  NOT NULL,
    acknowledged_by  VARCHAR(100),
    acknowledged_at  TIMESTAMPTZ,
    missed           BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX crisis_escalation_crisis ON crisis_escalation (crisis_id, raised_at);

CREATE TABLE crisis_follow_up (
    follow_up_id  UUID PRIMARY KEY,
    crisis_id     UUID         NOT NULL,
    due_at        TIMESTAMPTZ  NOT NULL,
    scheduled_by  VARCHAR(100) NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    level         VARCHAR(10),
    done_by       VARCHAR(100),
    done_at       TIMESTAMPTZ
);
CREATE INDEX crisis_follow_up_crisis ON crisis_follow_up (crisis_id, due_at);
