package org.maplebridge.events.intake;

import java.util.UUID;

/** A counsellor took the case; {@code previousCounsellor} is set on a reassignment. */
public record CounsellorAssigned(
    UUID intakeId, String counsellor, String previousCounsellor, String assignedBy)
    implements IntakeEvent {}
