package org.maplebridge.events.intake;

/** Suicide risk from the C-SSRS screener triage (NONE when every answer is no). */
public enum SuicideRisk {
  NONE,
  LOW,
  MODERATE,
  HIGH
}
