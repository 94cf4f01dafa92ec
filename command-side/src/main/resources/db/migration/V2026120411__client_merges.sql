-- Command side: a client merged into another (the one their reference now finds). Kept in the
-- same transaction as the event that says so.
ALTER TABLE client_registry ADD COLUMN merged_into UUID;
