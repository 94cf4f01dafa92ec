-- The on-call roster read model: each unit's periods as last set, and who set them when.
CREATE TABLE on_call_roster (
    unit    VARCHAR(64) PRIMARY KEY,
    set_by  VARCHAR(64) NOT NULL,
    set_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE on_call_period (
    unit      VARCHAR(64) NOT NULL REFERENCES on_call_roster (unit) ON DELETE CASCADE,
    tier      VARCHAR(32) NOT NULL,
    username  VARCHAR(64) NOT NULL,
    from_at   TIMESTAMPTZ NOT NULL,
    to_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX on_call_period_unit ON on_call_period (unit, tier, from_at);
