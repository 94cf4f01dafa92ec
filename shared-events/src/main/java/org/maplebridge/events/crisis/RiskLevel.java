package org.maplebridge.events.crisis;

/** Assessed suicide risk of a crisis episode, in rising order. */
public enum RiskLevel {
  LOW,
  MODERATE,
  HIGH,
  IMMINENT;

  public boolean isAtLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }
}
