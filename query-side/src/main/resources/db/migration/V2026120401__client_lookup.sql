-- Looking a returning person up (GET /api/clients): by client reference, or by phone (its digits
-- alone, so "138-0013-8000" finds "13800138000") and birth year, within the unit.
CREATE INDEX client_identity_reference ON client_identity (reference);
CREATE INDEX client_identity_phone_digits
    ON client_identity (regexp_replace(phone, '[^0-9]', '', 'g'));

-- The caseload's own record of the crisis episodes about its clients (projected from the crisis
-- events, owned by the "caseload" processing group), so that a lookup says which are open without
-- reading the crisis board's tables.
CREATE TABLE client_crisis (
    crisis_id  UUID PRIMARY KEY,
    client_id  UUID        NOT NULL,
    unit       VARCHAR(64) NOT NULL,
    closed     BOOLEAN     NOT NULL DEFAULT FALSE,
    version    BIGINT      NOT NULL
);
CREATE INDEX client_crisis_client ON client_crisis (client_id) WHERE NOT closed;

-- Episodes opened before this version: the caseload's position is already past their events.
INSERT INTO client_crisis (crisis_id, client_id, unit, closed, version)
SELECT crisis_id, client_id, unit, closed, 0 FROM crisis_view WHERE client_id IS NOT NULL;
