package org.maplebridge.events.intake;

import java.util.UUID;

/** The client (or a guardian) consented to {@code scope}. */
public record ConsentRecorded(
    UUID intakeId,
    ConsentScope scope,
    ConsentGiver givenBy,
    ConsentMethod method,
    String recordedBy)
    implements IntakeEvent {}
