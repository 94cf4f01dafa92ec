-- Where the crisis staff can call the person back and send help, as last recorded. Owned by the
-- "crisis-board" processing group.
ALTER TABLE crisis_view
    ADD COLUMN callback_number VARCHAR(40),
    ADD COLUMN location        TEXT,
    ADD COLUMN area            VARCHAR(200),
    ADD COLUMN whereabouts_by  VARCHAR(100),
    ADD COLUMN whereabouts_at  TIMESTAMPTZ;
