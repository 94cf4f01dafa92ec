-- Where sharing without consent stands on each referral (NONE, REQUESTED, GRANTED, REFUSED), and
-- the referrer's ask, so the supervisor finds the asks waiting for him and answers them himself.
ALTER TABLE referral_view
    ADD COLUMN consent_waiver      VARCHAR(20)  NOT NULL DEFAULT 'NONE',
    ADD COLUMN waiver_reason       TEXT,
    ADD COLUMN waiver_requested_by VARCHAR(100),
    ADD COLUMN waiver_answered_by  VARCHAR(100);
CREATE INDEX referral_view_waiver ON referral_view (unit) WHERE consent_waiver = 'REQUESTED';
