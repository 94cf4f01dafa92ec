package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * A review task was done: a clinician's review with what was found and which precautions were taken
 * ({@code outcome}), or the same-day C-SSRS recorded ({@code screeningId}, no outcome).
 */
public record ClinicalReviewDone(
    UUID intakeId, UUID reviewId, @ClinicalData String outcome, UUID screeningId, String doneBy)
    implements IntakeEvent {}
