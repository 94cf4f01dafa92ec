package org.maplebridge.events.intake;

/**
 * What a screening asks of the care team before it turns into a crisis of its own (Columbia
 * protocol): a moderate C-SSRS needs a clinician's review and safety precautions; a PHQ-9 item 9
 * above zero needs a C-SSRS the same day.
 */
public enum ClinicalReview {
  CLINICIAN_REVIEW,
  SAME_DAY_CSSRS
}
