package org.maplebridge.events.privacy;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.NotClinical;

/**
 * The person's records must be kept whatever their retention says (a court case, an inquiry), until
 * {@code until} or until the hold is lifted ({@code until} is {@code null}). The reason names the
 * matter, never the person's circumstances.
 */
public record LegalHoldPlaced(
    UUID personId, @NotClinical String reason, Instant until, String placedBy)
    implements PrivacyEvent {}
