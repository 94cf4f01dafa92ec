-- Staff who sign in through an OIDC provider have no password here: the provider vouches for them.
ALTER TABLE staff_account ALTER COLUMN password_hash DROP NOT NULL;
