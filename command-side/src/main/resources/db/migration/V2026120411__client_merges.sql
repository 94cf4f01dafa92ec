-- Command side: a client merged into another (the one their reference now finds), and a client
-- erased (whom nothing merges any more). Kept in the same transaction as the events that say so.
ALTER TABLE client_registry ADD COLUMN merged_into UUID;
ALTER TABLE client_registry ADD COLUMN erased BOOLEAN NOT NULL DEFAULT FALSE;

-- Clients erased before this column existed (the erasure's event is stored in plain).
UPDATE client_registry SET erased = TRUE
WHERE client_id IN (
    SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'personId')::uuid
    FROM domainevententry
    WHERE payloadtype = 'org.maplebridge.events.privacy.PersonErased');
