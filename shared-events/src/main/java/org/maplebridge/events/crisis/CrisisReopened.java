package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** A closed episode was opened again. */
public record CrisisReopened(UUID crisisId, @ClinicalData String reason, String by)
    implements CrisisEvent {}
