package org.maplebridge.audit;

import java.time.Instant;

/**
 * One look at a record: who, in which role, when, which scope was shown and why; or an attempt
 * refused, and what was attempted (a query or a command).
 */
public record RecordView(
    Instant at,
    String viewer,
    String viewerRole,
    String scope,
    String purpose,
    boolean refused,
    String attempted) {}
