package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The person was reached and re-screened at {@code level}. */
public record FollowUpCompleted(
    UUID crisisId, UUID followUpId, RiskLevel level, @ClinicalData String notes, String by)
    implements CrisisEvent {}
