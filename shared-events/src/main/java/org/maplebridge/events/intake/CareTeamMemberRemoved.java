package org.maplebridge.events.intake;

import java.util.UUID;

/**
 * A counsellor left the case's care team (handed over on a reassignment, or taken off) and no
 * longer sees or works on it.
 */
public record CareTeamMemberRemoved(UUID intakeId, String member, String removedBy)
    implements IntakeEvent {}
