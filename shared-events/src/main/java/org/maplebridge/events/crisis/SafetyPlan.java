package org.maplebridge.events.crisis;

import java.util.List;
import org.maplebridge.events.ClinicalData;

/**
 * The six steps of the Stanley-Brown safety plan, in the person's own words, and the person's
 * reasons for living ({@code null} in plans recorded before they were asked). Step 6 also lists
 * each means and what was agreed for it ({@code meansAgreed}; {@code null} in plans recorded before
 * it was asked, which hold step 6 as free lines only).
 */
public record SafetyPlan(
    @ClinicalData List<String> warningSigns,
    @ClinicalData List<String> internalCopingStrategies,
    @ClinicalData List<String> peopleAndPlacesForDistraction,
    @ClinicalData List<String> peopleToAskForHelp,
    @ClinicalData List<String> professionalsAndAgencies,
    @ClinicalData List<String> makingTheEnvironmentSafe,
    @ClinicalData List<String> reasonsForLiving,
    @ClinicalData List<MeansAgreement> meansAgreed) {}
