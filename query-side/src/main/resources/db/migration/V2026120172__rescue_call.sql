-- Who called emergency services, and when (the agency and its reference are already kept).
ALTER TABLE crisis_view ADD COLUMN rescue_called_by VARCHAR(100);
ALTER TABLE crisis_view ADD COLUMN rescue_called_at TIMESTAMPTZ;
