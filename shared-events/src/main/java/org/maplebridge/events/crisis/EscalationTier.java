package org.maplebridge.events.crisis;

/** The escalation ladder, climbed one rung at a time. */
public enum EscalationTier {
  ON_CALL_SUPERVISOR,
  ON_CALL_CLINICIAN,
  EMERGENCY_SERVICES;

  /** The rung above, or {@code null} at the top. */
  public EscalationTier next() {
    return this == EMERGENCY_SERVICES ? null : values()[ordinal() + 1];
  }
}
