package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** Active engagement brought the immediate danger down. */
public record CrisisDeescalated(UUID crisisId, @ClinicalData String notes, String by)
    implements CrisisEvent {}
