package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** Staff confirmed that help reached the person. */
public record RescueConfirmed(UUID crisisId, @ClinicalData String outcome, String confirmedBy)
    implements CrisisEvent {}
