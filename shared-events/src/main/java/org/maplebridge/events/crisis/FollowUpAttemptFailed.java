package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The person could not be reached; {@code attempt} counts the failures of the episode. */
public record FollowUpAttemptFailed(
    UUID crisisId, UUID followUpId, int attempt, @ClinicalData String notes, String by)
    implements CrisisEvent {}
