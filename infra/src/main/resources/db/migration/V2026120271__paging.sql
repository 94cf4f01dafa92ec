-- Paging: the unit of each crisis episode (to find who is on call), and every delivery attempt of
-- every page, per channel, under the idempotency key its receiver sees.
CREATE TABLE paging_crisis (
    crisis_id UUID        PRIMARY KEY,
    unit      VARCHAR(64) NOT NULL
);

CREATE TABLE page_delivery (
    idempotency_key VARCHAR(200) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    recipient       VARCHAR(100) NOT NULL,
    crisis_id       UUID         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    last_error      TEXT,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (idempotency_key, channel)
);
CREATE INDEX page_delivery_crisis ON page_delivery (crisis_id);
