package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * The rescue did not reach the person ({@code result}: not found, or refused help). The rescue
 * stays unconfirmed: it is still chased and escalated on its deadline.
 */
public record RescueNotReached(
    UUID crisisId, RescueResult result, @ClinicalData String outcome, String reportedBy)
    implements CrisisEvent {}
