package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;

/** Nobody confirmed that help reached the person; the rescue is retried and escalated. */
public record RescueConfirmationOverdue(UUID crisisId, int attempt, Instant nextCheck)
    implements CrisisEvent {}
