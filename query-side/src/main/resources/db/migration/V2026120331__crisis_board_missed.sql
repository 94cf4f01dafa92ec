-- The board keeps a missed deadline in sight after the ladder climbed: which tier missed it, when.
ALTER TABLE crisis_view ADD COLUMN last_missed_tier VARCHAR(30);
ALTER TABLE crisis_view ADD COLUMN last_missed_at TIMESTAMPTZ;
UPDATE crisis_view v SET last_missed_tier = e.tier, last_missed_at = e.deadline
FROM (SELECT DISTINCT ON (crisis_id) crisis_id, tier, deadline FROM crisis_escalation
      WHERE missed ORDER BY crisis_id, deadline DESC) e
WHERE e.crisis_id = v.crisis_id;
