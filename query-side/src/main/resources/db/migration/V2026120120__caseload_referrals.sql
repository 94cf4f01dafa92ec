-- The caseload's own record of the referrals made from each case (status and whether a deadline
-- was missed), projected from the referral events, so that it reads no other read model's table.
CREATE TABLE intake_referral (
    referral_id  UUID PRIMARY KEY,
    intake_id    UUID NOT NULL,
    status       VARCHAR(32) NOT NULL,
    overdue      BOOLEAN NOT NULL DEFAULT FALSE,
    requested_at TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT NOT NULL
);
CREATE INDEX intake_referral_intake ON intake_referral (intake_id);
