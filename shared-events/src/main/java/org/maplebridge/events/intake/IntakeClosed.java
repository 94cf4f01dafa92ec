package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/** The case was closed. */
public record IntakeClosed(
    UUID intakeId, ClosureReason reason, @ClinicalData String summary, String closedBy)
    implements IntakeEvent {}
