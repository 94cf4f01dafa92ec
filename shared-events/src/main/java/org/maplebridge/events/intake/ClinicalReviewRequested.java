package org.maplebridge.events.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A screening put a task on the case's caseload, to be done by {@code dueBy}: which review, and the
 * screening that asked for it.
 */
public record ClinicalReviewRequested(
    UUID intakeId, UUID reviewId, ClinicalReview review, UUID screeningId, Instant dueBy)
    implements IntakeEvent {}
