-- One data key per record (intake, crisis episode, referral), wrapped by the key-encryption key
-- named in kek (which lives in the platform's keystore, not here). Erasure destroys the wrapped
-- key: every field encrypted with it becomes unreadable, in every copy of every event.
CREATE TABLE data_key (
    record_id    UUID        PRIMARY KEY,
    wrapped      BYTEA,
    kek          VARCHAR(64) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at TIMESTAMPTZ,
    CHECK ((wrapped IS NULL) = (destroyed_at IS NOT NULL))
);
