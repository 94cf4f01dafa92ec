package org.maplebridge.events.crisis;

import java.util.UUID;

/** After repeated failed attempts the person is lost to follow-up; the supervisor reviews it. */
public record LostToFollowUp(UUID crisisId, int failedAttempts) implements CrisisEvent {}
