package org.maplebridge.events.intake;

/** Why an intake raised a crisis alert. */
public enum CrisisAlertReason {
  CSSRS_HIGH_RISK,
  SELF_HARM_ITEM
}
