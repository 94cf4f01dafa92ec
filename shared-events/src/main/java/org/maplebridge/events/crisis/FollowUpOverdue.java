package org.maplebridge.events.crisis;

import java.time.Instant;
import java.util.UUID;

/** A follow-up was not done by its due time; the supervisor sees it. */
public record FollowUpOverdue(UUID crisisId, UUID followUpId, Instant dueAt)
    implements CrisisEvent {}
