package org.maplebridge.crisisboard;

import java.util.UUID;
import org.maplebridge.events.Actor;

/** What can be asked of the crisis read models. */
public final class CrisisQueries {
  private CrisisQueries() {}

  /** The open episodes of the viewer's unit by risk and nearest deadline. */
  public record FindCrisisBoard(Actor viewer) {}

  /** Sent to board subscribers of {@code unit} when anything on it changed. */
  public record BoardChanged(String unit) {}

  public record FindCrisis(UUID crisisId, Actor viewer) {}

  /** The open escalations the viewer is the one to acknowledge now, by the on-call roster. */
  public record FindWaitingForMe(Actor viewer) {}

  /** Every version of an episode's safety plan, oldest first. */
  public record FindSafetyPlanVersions(UUID crisisId, Actor viewer) {}

  /** A client's active risk and current safety plan, for crisis staff of the unit. */
  public record FindRiskAlert(UUID clientId, Actor viewer) {}

  /** The same, for the client reference a caller or colleague gives ({@code C-2026-000123}). */
  public record FindRiskAlertByReference(String reference, Actor viewer) {}
}
