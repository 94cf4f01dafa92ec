package org.maplebridge.events.intake;

import java.util.UUID;

/**
 * A screening showed risk that the crisis team must act on. The crisis workflow picks this up to
 * open or link a crisis episode.
 */
public record CrisisAlertRaised(
    UUID intakeId,
    UUID clientId,
    String unit,
    CrisisAlertReason reason,
    UUID screeningId,
    SuicideRisk risk)
    implements IntakeEvent {}
