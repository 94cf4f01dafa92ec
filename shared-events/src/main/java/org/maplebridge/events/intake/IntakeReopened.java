package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** A closed case was opened again. */
public record IntakeReopened(UUID intakeId, @ClinicalData String reason, String reopenedBy)
    implements IntakeEvent {}
