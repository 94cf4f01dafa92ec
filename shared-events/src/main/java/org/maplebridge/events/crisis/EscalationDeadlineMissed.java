package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;

/** Nobody acknowledged the escalation at {@code tier} in time. */
public record EscalationDeadlineMissed(
    UUID crisisId, UUID escalationId, EscalationTier tier, Instant deadline)
    implements CrisisEvent {}
