-- The review tasks a screening puts on a case (a clinician's review after a moderate C-SSRS, a
-- same-day C-SSRS after PHQ-9 item 9), with their deadline, and when and by whom each was done.
-- Owned by the "caseload" processing group.
CREATE TABLE intake_review (
    review_id     UUID PRIMARY KEY,
    intake_id     UUID         NOT NULL,
    review        VARCHAR(30)  NOT NULL,
    screening_id  UUID         NOT NULL,
    due_at        TIMESTAMPTZ  NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL,
    done_at       TIMESTAMPTZ,
    done_by       VARCHAR(100),
    outcome       TEXT,
    done_screening_id UUID
);
CREATE INDEX intake_review_intake ON intake_review (intake_id, due_at);
