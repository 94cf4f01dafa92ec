-- The write side's own record of whose records are which, and which are closed (since when), so that
-- an erasure can be checked against the retention period and destroys the key of every record of
-- the person. Written in the same transaction as the records' events (a subscribing processor).
CREATE TABLE person_record (
    record_id    UUID        PRIMARY KEY,
    person_id    UUID        NOT NULL,
    record_type  VARCHAR(10) NOT NULL,
    closed_at    TIMESTAMPTZ
);
CREATE INDEX person_record_person ON person_record (person_id);

-- The records already stored, from their events (ids and types are stored in plain): a record is
-- closed when the last event that opens or closes it closed it.
WITH opened AS (
    SELECT aggregateidentifier AS record_id, payloadtype,
           convert_from(payload, 'UTF8')::jsonb AS body
    FROM domainevententry
    WHERE payloadtype IN ('org.maplebridge.events.intake.IntakeOpened',
                          'org.maplebridge.events.crisis.CrisisContactOpened',
                          'org.maplebridge.events.referral.ReferralRequested')
), last_change AS (
    SELECT DISTINCT ON (aggregateidentifier) aggregateidentifier AS record_id, payloadtype,
           timestamp
    FROM domainevententry
    WHERE payloadtype IN (
        'org.maplebridge.events.intake.IntakeOpened',
        'org.maplebridge.events.intake.IntakeReopened',
        'org.maplebridge.events.intake.IntakeClosed',
        'org.maplebridge.events.crisis.CrisisContactOpened',
        'org.maplebridge.events.crisis.CrisisReopened',
        'org.maplebridge.events.crisis.CrisisClosed',
        'org.maplebridge.events.referral.ReferralRequested',
        'org.maplebridge.events.referral.ReferralRedirected',
        'org.maplebridge.events.referral.ReferralReceived',
        'org.maplebridge.events.referral.ReferralAccepted',
        'org.maplebridge.events.referral.AppointmentScheduled',
        'org.maplebridge.events.referral.AppointmentAttended',
        'org.maplebridge.events.referral.AppointmentMissed',
        'org.maplebridge.events.referral.ReferralPutOnHold',
        'org.maplebridge.events.referral.ReferralResumed',
        'org.maplebridge.events.referral.ReferralDeclined',
        'org.maplebridge.events.referral.ReferralCompleted',
        'org.maplebridge.events.referral.ReferralFailed',
        'org.maplebridge.events.referral.ReferralLoopClosed',
        'org.maplebridge.events.referral.ReferralCancelled',
        'org.maplebridge.events.referral.ReferralEnteredInError')
    ORDER BY aggregateidentifier, globalindex DESC
)
INSERT INTO person_record (record_id, person_id, record_type, closed_at)
SELECT o.record_id::uuid,
       coalesce(o.body ->> 'clientId', o.body ->> 'crisisId', o.record_id)::uuid,
       CASE o.payloadtype
           WHEN 'org.maplebridge.events.intake.IntakeOpened' THEN 'INTAKE'
           WHEN 'org.maplebridge.events.crisis.CrisisContactOpened' THEN 'CRISIS'
           ELSE 'REFERRAL' END,
       CASE WHEN c.payloadtype IN (
           'org.maplebridge.events.intake.IntakeClosed',
           'org.maplebridge.events.crisis.CrisisClosed',
           'org.maplebridge.events.referral.ReferralDeclined',
           'org.maplebridge.events.referral.ReferralCompleted',
           'org.maplebridge.events.referral.ReferralFailed',
           'org.maplebridge.events.referral.ReferralLoopClosed',
           'org.maplebridge.events.referral.ReferralCancelled',
           'org.maplebridge.events.referral.ReferralEnteredInError')
           THEN c.timestamp::timestamptz END
FROM opened o LEFT JOIN last_change c ON c.record_id = o.record_id
ON CONFLICT DO NOTHING;
