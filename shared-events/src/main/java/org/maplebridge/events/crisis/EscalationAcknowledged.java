package org.maplebridge.events.crisis;

import java.util.UUID;

/** Someone at the tier took the escalation; {@code inTime} says whether before its deadline. */
public record EscalationAcknowledged(
    UUID crisisId, UUID escalationId, EscalationTier tier, String acknowledgedBy, boolean inTime)
    implements CrisisEvent {}
