-- Who changed which staff account or unit, when: accounts are not event-sourced, so their
-- administration keeps its own trail.
CREATE TABLE staff_change (
    change_id   BIGSERIAL PRIMARY KEY,
    changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    changed_by  VARCHAR(100) NOT NULL,
    subject     VARCHAR(100) NOT NULL,
    change      TEXT         NOT NULL
);
