-- Tamper evidence: each committed event's link, SHA-256 over the previous link and the row, in
-- global order; the head signed at intervals with a key kept outside the database; and the last
-- verification, which health reports.
CREATE TABLE event_chain (
    global_index BIGINT PRIMARY KEY,
    link         BYTEA  NOT NULL
);

CREATE TABLE event_chain_head (
    signed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    global_index BIGINT      NOT NULL,
    link         BYTEA       NOT NULL,
    signature    BYTEA       NOT NULL
);
CREATE INDEX event_chain_head_latest ON event_chain_head (signed_at DESC);

CREATE TABLE event_chain_verification (
    verified_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    valid        BOOLEAN     NOT NULL,
    checked      BIGINT      NOT NULL,
    first_broken BIGINT
);
