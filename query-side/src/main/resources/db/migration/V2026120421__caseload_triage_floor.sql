-- The lowest triage a case's screenings allow (the write side's rule, projected from the same
-- events), so the page offers only the values at or above it; NULL: any. floor_lifted: a negative
-- C-SSRS since PHQ-9 item 9 set the floor lets triage go below it. Owned by "caseload".
ALTER TABLE intake_view ADD COLUMN triage_floor VARCHAR(20);
ALTER TABLE intake_view ADD COLUMN floor_lifted BOOLEAN NOT NULL DEFAULT FALSE;
-- Cases kept before: the floor their crisis alert or same-day C-SSRS task set (a replay refines it).
UPDATE intake_view v SET triage_floor = CASE
    WHEN v.crisis_alert = 'CSSRS_HIGH_RISK' THEN 'EMERGENCY'
    WHEN v.crisis_alert IS NOT NULL THEN 'URGENT'
    WHEN EXISTS (SELECT 1 FROM intake_review r
                 WHERE r.intake_id = v.intake_id AND r.review = 'SAME_DAY_CSSRS') THEN 'URGENT'
  END;
UPDATE intake_view SET triage_floor = NULL
WHERE array_position(ARRAY['ROUTINE','SOON','URGENT','EMERGENCY']::varchar[], priority)
    < array_position(ARRAY['ROUTINE','SOON','URGENT','EMERGENCY']::varchar[], triage_floor);
