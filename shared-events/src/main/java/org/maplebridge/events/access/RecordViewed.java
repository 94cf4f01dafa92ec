package org.maplebridge.events.access;

import java.util.UUID;

/**
 * Someone looked at a person's record: who, which record of which unit, which scopes they were
 * shown and for what purpose. Not an aggregate's event: the read side publishes it as views happen.
 *
 * @param scope what was shown, e.g. "identity,clinical,case" or "case,masked-identity"; empty when
 *     refused
 * @param purpose ROUTINE or EMERGENCY_ACCESS
 * @param refused true in events stored before refusals got their own event, {@link AccessRefused}
 */
public record RecordViewed(
    UUID viewId,
    String viewer,
    String viewerRole,
    String recordType,
    UUID recordId,
    String recordUnit,
    String scope,
    String purpose,
    boolean refused) {}
