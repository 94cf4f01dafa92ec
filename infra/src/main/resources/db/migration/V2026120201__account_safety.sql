-- A password someone else chose (the administrator, or the first start's printed one) is changed by
-- its owner before anything else.
ALTER TABLE staff_account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
-- Demo accounts share a published password: they work only while the platform runs in demo mode.
ALTER TABLE staff_account ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
-- Staff of an OIDC provider are known by the provider's issuer and subject, which never change,
-- not by a username the provider may let them change.
ALTER TABLE staff_account ADD COLUMN oidc_issuer TEXT;
ALTER TABLE staff_account ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX staff_account_oidc_identity ON staff_account (oidc_issuer, oidc_subject)
    WHERE oidc_subject IS NOT NULL;
