-- Instances of the platform on this database, by heartbeat: how many share the projections' work.
CREATE TABLE platform_instance (
    node_id   VARCHAR(100) PRIMARY KEY,
    last_seen TIMESTAMPTZ  NOT NULL
);
