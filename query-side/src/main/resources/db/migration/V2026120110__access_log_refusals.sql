-- Refused looks and writes name what was attempted (a query or a command). A write refused before
-- its record was read (an unknown id, a role check) names an id of no known type.
ALTER TABLE access_log ADD COLUMN attempted VARCHAR(100);
ALTER TABLE access_log ALTER COLUMN record_type DROP NOT NULL;
