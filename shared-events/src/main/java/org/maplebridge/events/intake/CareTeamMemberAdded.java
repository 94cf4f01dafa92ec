package org.maplebridge.events.intake;

import java.util.UUID;

/** A colleague joined the case's care team and may now work on it. */
public record CareTeamMemberAdded(UUID intakeId, String member, String addedBy)
    implements IntakeEvent {}
