-- Query side: the caseload read model, owned by the "caseload" processing group.
CREATE TABLE client_identity (
    client_id    UUID PRIMARY KEY,
    reference    VARCHAR(20) NOT NULL,
    name         TEXT,
    birth_date   DATE,
    phone        TEXT,
    national_id  TEXT,
    address      TEXT
);

CREATE TABLE intake_view (
    intake_id            UUID PRIMARY KEY,
    client_id            UUID NOT NULL,
    client_reference     VARCHAR(20) NOT NULL,
    unit                 VARCHAR(64) NOT NULL,
    source               VARCHAR(20) NOT NULL,
    concern              TEXT,
    requested_urgency    VARCHAR(20) NOT NULL,
    population_groups    TEXT[] NOT NULL,
    grid_area            VARCHAR(100),
    opened_by            VARCHAR(100) NOT NULL,
    opened_at            TIMESTAMPTZ NOT NULL,
    priority             VARCHAR(20),
    triage_rationale     TEXT,
    triaged_by           VARCHAR(100),
    triaged_at           TIMESTAMPTZ,
    assigned_counsellor  VARCHAR(100),
    assigned_at          TIMESTAMPTZ,
    care_team            TEXT[] NOT NULL,
    active_consents      TEXT[] NOT NULL DEFAULT '{}',
    crisis_alert         VARCHAR(30),
    closed               BOOLEAN NOT NULL DEFAULT FALSE,
    closure_reason       VARCHAR(30),
    closure_summary      TEXT,
    closed_by            VARCHAR(100),
    closed_at            TIMESTAMPTZ,
    last_note_at         TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT NOT NULL
);
CREATE INDEX intake_view_unit_open ON intake_view (unit) WHERE NOT closed;
CREATE INDEX intake_view_care_team ON intake_view USING gin (care_team);

CREATE TABLE intake_consent (
    intake_id    UUID NOT NULL,
    version      BIGINT NOT NULL,
    scope        VARCHAR(30) NOT NULL,
    given_by     VARCHAR(20),
    method       VARCHAR(20),
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    withdrawn    BOOLEAN NOT NULL,
    PRIMARY KEY (intake_id, version)
);

CREATE TABLE intake_screening (
    screening_id        UUID PRIMARY KEY,
    intake_id           UUID NOT NULL,
    version             BIGINT NOT NULL,
    instrument          VARCHAR(10) NOT NULL,
    instrument_version  TEXT NOT NULL,
    answers             INTEGER[] NOT NULL,
    recent_behaviour    BOOLEAN,
    total               INTEGER NOT NULL,
    band                VARCHAR(20),
    flags               TEXT[] NOT NULL,
    risk                VARCHAR(10) NOT NULL,
    recorded_by         VARCHAR(100) NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX intake_screening_intake ON intake_screening (intake_id, version);

CREATE TABLE intake_note (
    note_id     UUID PRIMARY KEY,
    intake_id   UUID NOT NULL,
    version     BIGINT NOT NULL,
    text        TEXT NOT NULL,
    author      VARCHAR(100) NOT NULL,
    written_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX intake_note_intake ON intake_note (intake_id, version);
