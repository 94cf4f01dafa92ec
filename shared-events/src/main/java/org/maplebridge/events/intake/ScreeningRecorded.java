package org.maplebridge.events.intake;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;

/**
 * A screening was taken and scored by the platform. The raw item answers are kept: PHQ-9 and GAD-7
 * items 0-3; C-SSRS questions as 1 (yes) or 0 (no), with {@code recentBehaviour} for question 6.
 * {@code band} is {@code null} for C-SSRS, {@code risk} is NONE for PHQ-9 and GAD-7.
 */
public record ScreeningRecorded(
    UUID intakeId,
    UUID screeningId,
    Instrument instrument,
    String instrumentVersion,
    @ClinicalData List<Integer> answers,
    @ClinicalData Boolean recentBehaviour,
    @ClinicalData int total,
    @ClinicalData SeverityBand band,
    Set<ScreeningFlag> flags,
    SuicideRisk risk,
    String recordedBy)
    implements IntakeEvent {}
