-- The referral tracker's own record of client references, projected from the intake events, so
-- that the tracker shows whose referral it is where the viewer may see it. Owned by "referrals".
CREATE TABLE referral_client_reference (
    client_id  UUID PRIMARY KEY,
    reference  VARCHAR(20) NOT NULL
);
-- Clients known before: once from the intakes' own record (a replay rebuilds the same rows).
INSERT INTO referral_client_reference (client_id, reference)
SELECT DISTINCT ON (client_id) client_id, client_reference FROM intake_view
ON CONFLICT DO NOTHING;
