package org.maplebridge.events.crisis;

import org.maplebridge.events.ClinicalData;

/**
 * Step 6 of the safety plan, one means at a time: what could be used to harm oneself (pills, a
 * balcony key) and what was agreed to keep it out of reach.
 */
public record MeansAgreement(@ClinicalData String means, @ClinicalData String agreed) {}
