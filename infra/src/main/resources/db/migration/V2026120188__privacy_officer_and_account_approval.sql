-- The privacy officer works for the whole organisation, like the administrator: no unit.
ALTER TABLE staff_account DROP CONSTRAINT staff_account_check;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_unit_by_role
    CHECK ((role IN ('ADMIN', 'PRIVACY_OFFICER')) = (unit IS NULL));

-- A new SUPERVISOR, ADMIN or PRIVACY_OFFICER account waits for the privacy officer's approval
-- before it signs in; accounts that exist already (and demo accounts) count as approved.
ALTER TABLE staff_account
    ADD COLUMN approved    BOOLEAN      NOT NULL DEFAULT TRUE,
    ADD COLUMN approved_by VARCHAR(100),
    ADD COLUMN approved_at TIMESTAMPTZ;
