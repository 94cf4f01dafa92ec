-- Provider staff answer for one provider organisation of the directory, and work for no unit, like
-- the organisation-wide administrator and privacy officer.
ALTER TABLE staff_account ADD COLUMN provider_id UUID;
ALTER TABLE staff_account DROP CONSTRAINT IF EXISTS staff_account_check;
ALTER TABLE staff_account DROP CONSTRAINT IF EXISTS staff_account_unit_by_role;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_provider_binding
    CHECK ((role = 'PROVIDER') = (provider_id IS NOT NULL));
ALTER TABLE staff_account ADD CONSTRAINT staff_account_admin_and_provider_have_no_unit
    CHECK (role NOT IN ('ADMIN', 'PRIVACY_OFFICER', 'PROVIDER') OR unit IS NULL);
ALTER TABLE staff_account ADD CONSTRAINT staff_account_unit_staff_have_a_unit
    CHECK (role NOT IN ('COUNSELLOR', 'CRISIS_WORKER', 'SUPERVISOR') OR unit IS NOT NULL);
