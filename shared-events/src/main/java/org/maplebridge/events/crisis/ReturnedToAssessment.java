package org.maplebridge.events.crisis;

import java.util.UUID;

/** Risk rose at a follow-up: the episode is back in assessment. */
public record ReturnedToAssessment(UUID crisisId, RiskLevel from, RiskLevel to)
    implements CrisisEvent {}
