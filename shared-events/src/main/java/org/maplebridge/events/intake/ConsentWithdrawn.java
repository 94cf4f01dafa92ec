package org.maplebridge.events.intake;

import java.util.UUID;

/** The client withdrew consent to {@code scope}. */
public record ConsentWithdrawn(UUID intakeId, ConsentScope scope, String recordedBy)
    implements IntakeEvent {}
