-- Command side: the clients known to the platform and the counters behind their references.
CREATE TABLE client_reference_counter (
    year        INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

CREATE TABLE client_registry (
    client_id  UUID PRIMARY KEY,
    reference  VARCHAR(20) NOT NULL UNIQUE,
    unit       VARCHAR(64) NOT NULL
);
