package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** Closing an episode that reached high or imminent risk waits for a supervisor's approval. */
public record ClosureApprovalRequested(
    UUID crisisId, CrisisClosureReason reason, @ClinicalData String summary, String requestedBy)
    implements CrisisEvent {}
