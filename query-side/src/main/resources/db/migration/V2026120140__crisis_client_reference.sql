-- The crisis board's own record of client references, projected from the intake events, so that
-- a returning caller's risk alert is found by reference without reading the caseload's tables.
CREATE TABLE crisis_client_reference (
    reference  VARCHAR(20) PRIMARY KEY,
    client_id  UUID NOT NULL
);
