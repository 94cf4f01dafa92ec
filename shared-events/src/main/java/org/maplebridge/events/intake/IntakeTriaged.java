package org.maplebridge.events.intake;

import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * The case got a priority. {@code triagedBy} is "system" when a screening forced the priority up.
 */
public record IntakeTriaged(
    UUID intakeId, Urgency priority, @ClinicalData String rationale, String triagedBy)
    implements IntakeEvent {}
