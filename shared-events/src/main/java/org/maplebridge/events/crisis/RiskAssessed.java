package org.maplebridge.events.crisis;

import java.util.List;
import java.util.UUID;
import org.maplebridge.events.ClinicalData;
import org.maplebridge.events.intake.SuicideRisk;

/**
 * Risk was assessed: the level decided by the worker, with the C-SSRS screener answers (1 yes, 0
 * no) and its triage when asked, and the desire, capability, intent and buffers found. A level
 * below the screener's triage carries the supervisor's written {@code rationale} (the supervisor
 * assessed it: the agreement is their own act); {@code null} otherwise and in earlier events.
 */
public record RiskAssessed(
    UUID crisisId,
    UUID assessmentId,
    RiskLevel level,
    RiskLevel previousLevel,
    @ClinicalData List<Integer> screenerAnswers,
    @ClinicalData Boolean recentBehaviour,
    SuicideRisk screenerRisk,
    @ClinicalData Boolean desire,
    @ClinicalData Boolean capability,
    @ClinicalData Boolean intent,
    @ClinicalData String buffers,
    @ClinicalData String notes,
    String assessedBy,
    @ClinicalData String rationale)
    implements CrisisEvent {}
