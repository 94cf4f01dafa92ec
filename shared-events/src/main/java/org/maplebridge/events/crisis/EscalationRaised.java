package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * The episode was escalated to {@code tier}, to be acknowledged before {@code deadline}. {@code
 * raisedBy} is "system" when a missed deadline climbed the ladder on its own.
 */
public record EscalationRaised(
    UUID crisisId,
    UUID escalationId,
    EscalationTier tier,
    RiskLevel level,
    @ClinicalData String reason,
    Instant deadline,
    String raisedBy)
    implements CrisisEvent {}
