-- Query side: the taxonomy terms an imported entry came with that map to none of our service
-- types (issue 19), kept so the HSDS export writes them back.
ALTER TABLE provider_view ADD COLUMN other_taxonomy_terms JSONB NOT NULL DEFAULT '[]';
