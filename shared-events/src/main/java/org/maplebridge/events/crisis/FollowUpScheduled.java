package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;

/** A follow-up contact is due by {@code dueAt}; "system" schedules the one high risk requires. */
public record FollowUpScheduled(UUID crisisId, UUID followUpId, Instant dueAt, String scheduledBy)
    implements CrisisEvent {}
