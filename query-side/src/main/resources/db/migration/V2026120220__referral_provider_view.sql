-- The referral tracker's own copy of what a referral may disclose to its provider: the person's
-- identity (by client) and the presenting concern (by intake), projected from the intake events,
-- so that the provider's view reads no other read model's table. Only the disclosed fields of a
-- referral ever leave these tables, and only to the provider it was sent to.
CREATE TABLE referral_person (
    client_id    UUID PRIMARY KEY,
    name         TEXT,
    birth_date   DATE,
    phone        TEXT,
    national_id  TEXT,
    address      TEXT
);
CREATE TABLE referral_source_concern (
    intake_id  UUID PRIMARY KEY,
    concern    TEXT
);
CREATE INDEX referral_view_provider ON referral_view (provider_id, sent_at DESC);
