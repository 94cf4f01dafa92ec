-- Command side: what lets a counsellor take a returning client in. A digest of the birth date
-- (never the date itself) to check the identity fact they give, and who is in each client's care.
ALTER TABLE client_registry ADD COLUMN birth_date_digest BYTEA;

CREATE TABLE client_case (
    intake_id  UUID PRIMARY KEY,
    client_id  UUID NOT NULL
);

CREATE TABLE client_care (
    intake_id  UUID NOT NULL,
    client_id  UUID NOT NULL,
    username   VARCHAR(100) NOT NULL,
    PRIMARY KEY (intake_id, username)
);
CREATE INDEX client_care_by_client ON client_care (client_id, username);

-- Intakes opened before these tables existed: their clients, openers, assignees and members.
INSERT INTO client_case (intake_id, client_id)
SELECT aggregateidentifier::uuid, (convert_from(payload, 'UTF8')::jsonb ->> 'clientId')::uuid
FROM domainevententry
WHERE payloadtype = 'org.maplebridge.events.intake.IntakeOpened'
ON CONFLICT DO NOTHING;

WITH opened AS (
    SELECT aggregateidentifier::uuid AS intake_id,
           convert_from(payload, 'UTF8')::jsonb AS event
    FROM domainevententry
    WHERE payloadtype = 'org.maplebridge.events.intake.IntakeOpened'
)
INSERT INTO client_care (intake_id, client_id, username)
SELECT o.intake_id, (o.event ->> 'clientId')::uuid, member.username
FROM opened o
CROSS JOIN LATERAL (
    SELECT o.event ->> 'openedBy' AS username
    UNION
    SELECT convert_from(e.payload, 'UTF8')::jsonb ->> 'counsellor'
    FROM domainevententry e
    WHERE e.aggregateidentifier = o.intake_id::text
      AND e.payloadtype = 'org.maplebridge.events.intake.CounsellorAssigned'
    UNION
    SELECT convert_from(e.payload, 'UTF8')::jsonb ->> 'member'
    FROM domainevententry e
    WHERE e.aggregateidentifier = o.intake_id::text
      AND e.payloadtype = 'org.maplebridge.events.intake.CareTeamMemberAdded'
) member
ON CONFLICT DO NOTHING;

-- Clients registered before: the digest of the birth date their first intake gave.
UPDATE client_registry r
SET birth_date_digest = sha256(convert_to(r.client_id::text || ':' || d.birth_date, 'UTF8'))
FROM (
    SELECT DISTINCT ON (event ->> 'clientId')
           (event ->> 'clientId')::uuid AS client_id, event -> 'client' ->> 'birthDate' AS birth_date
    FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS event
          FROM domainevententry
          WHERE payloadtype = 'org.maplebridge.events.intake.IntakeOpened') opened
    WHERE event -> 'client' ->> 'birthDate' IS NOT NULL
) d
WHERE d.client_id = r.client_id AND r.birth_date_digest IS NULL;
