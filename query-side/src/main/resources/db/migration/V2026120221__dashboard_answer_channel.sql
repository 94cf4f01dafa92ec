-- How the provider's outcome (completion or failure) came: PORTAL or FHIR close the loop
-- electronically, PHONE was recorded by the referrer's staff; null before channels were recorded.
ALTER TABLE dashboard_referral ADD COLUMN outcome_channel VARCHAR(10);
