package org.maplebridge.events.crisis;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * A crisis reached the unit. {@code clientId} is {@code null} when the person stays anonymous;
 * {@code intakeId} names the intake whose screening raised the alert, if any.
 */
public record CrisisContactOpened(
    UUID crisisId,
    ContactChannel channel,
    Caller caller,
    UUID clientId,
    @ClinicalData String summary,
    String unit,
    UUID intakeId,
    String openedBy)
    implements CrisisEvent {}
