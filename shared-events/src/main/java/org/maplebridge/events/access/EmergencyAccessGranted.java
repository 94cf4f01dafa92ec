package org.maplebridge.events.access;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.NotClinical;

/**
 * A crisis worker or supervisor broke the glass: for the stated reason they may see {@code
 * recordId} in full until {@code expiresAt}. The unit's supervisor is alerted and reviews it.
 */
public record EmergencyAccessGranted(
    UUID grantId,
    String recordType,
    UUID recordId,
    String recordUnit,
    String viewer,
    String viewerRole,
    @NotClinical String reason,
    Instant expiresAt)
    implements EmergencyAccessEvent {}
