-- Command side: which intakes have a sent referral, kept in the same transaction as the events.
CREATE TABLE referral_ledger (
    referral_id  UUID PRIMARY KEY,
    intake_id    UUID,
    sent         BOOLEAN NOT NULL DEFAULT FALSE,
    voided       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX referral_ledger_intake ON referral_ledger (intake_id);
