package org.maplebridge.events.intake;

/** Published severity bands of PHQ-9 and GAD-7 totals. */
public enum SeverityBand {
  MINIMAL,
  MILD,
  MODERATE,
  MODERATELY_SEVERE,
  SEVERE
}
