-- Who escalated each rung: its raiser, or on a rung the platform raised as the ladder climbed, the
-- person who escalated the rung below it (until a rung was acknowledged). Never theirs to
-- acknowledge, so the pages offer it to someone else.
ALTER TABLE crisis_escalation ADD COLUMN escalated_by VARCHAR(100);

UPDATE crisis_escalation SET escalated_by = raised_by WHERE raised_by <> 'system';

-- A platform rung carries the latest person's rung before it with no acknowledged rung between.
UPDATE crisis_escalation e SET escalated_by = (
    SELECT h.raised_by FROM crisis_escalation h
    WHERE h.crisis_id = e.crisis_id AND h.raised_by <> 'system' AND h.raised_at < e.raised_at
      AND NOT EXISTS (
          SELECT 1 FROM crisis_escalation a
          WHERE a.crisis_id = e.crisis_id AND a.acknowledged_by IS NOT NULL
            AND a.raised_at >= h.raised_at AND a.raised_at < e.raised_at)
    ORDER BY h.raised_at DESC LIMIT 1)
WHERE e.raised_by = 'system';
