package org.maplebridge.events.crisis;

import org.maplebridge.events.intake.SuicideRisk;

/** Assessed suicide risk of a crisis episode, in rising order. */
public enum RiskLevel {
  LOW,
  MODERATE,
  HIGH,
  IMMINENT;

  public boolean isAtLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }

  /**
   * The level a C-SSRS screener triage stands for; {@code null} when every answer was no (the
   * screener shows no suicide risk to hold a level to).
   */
  public static RiskLevel ofScreener(SuicideRisk risk) {
    if (risk == null) {
      return null;
    }
    return switch (risk) {
      case NONE -> null;
      case LOW -> LOW;
      case MODERATE -> MODERATE;
      case HIGH -> HIGH;
    };
  }

  /** The higher of two levels, either of which may be unknown ({@code null}). */
  public static RiskLevel higher(RiskLevel one, RiskLevel other) {
    if (one == null) {
      return other;
    }
    return other == null || one.isAtLeast(other) ? one : other;
  }
}
