-- The caseload's record of a client merged into another: erasing the client who stayed erases the
-- duplicate's identity too (the same person).
ALTER TABLE client_identity ADD COLUMN merged_into UUID;
CREATE INDEX client_identity_merged_into ON client_identity (merged_into) WHERE merged_into IS NOT NULL;
