-- What the access audit names a record by instead of its id, owned by the "access-audit"
-- processing group: a case or client by the client's reference, an episode by its channel, caller,
-- opening time (and the client's reference when known), a referral by its service type and the
-- client's reference (read through the client's own row). No personal or clinical text: the
-- privacy officer reads these too. Records opened before this table fill in on a replay.
CREATE TABLE access_audit_record (
    record_id     UUID PRIMARY KEY,
    client_id     UUID,
    reference     VARCHAR(100),
    channel       VARCHAR(30),
    caller        VARCHAR(30),
    service_type  VARCHAR(60),
    opened_at     TIMESTAMPTZ
);
-- The audit pages newest first.
CREATE INDEX access_log_time ON access_log (viewed_at DESC, view_id DESC);
