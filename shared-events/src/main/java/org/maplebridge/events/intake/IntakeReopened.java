package org.maplebridge.events.intake;

import java.util.UUID;

/** A closed case was opened again. */
public record IntakeReopened(UUID intakeId, String reason, String reopenedBy)
    implements IntakeEvent {}
