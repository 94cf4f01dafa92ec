-- The dashboard projects the asks for sharing without consent itself (its "waiting for you" list).
ALTER TABLE dashboard_referral
    ADD COLUMN consent_waiver    VARCHAR(16) NOT NULL DEFAULT 'NONE',
    ADD COLUMN consent_waiver_at TIMESTAMPTZ;
