package org.maplebridge.caseload;

import java.util.UUID;
import org.maplebridge.events.Actor;

/** What can be asked of the caseload read model. */
public final class CaseloadQueries {
  private CaseloadQueries() {}

  /** The viewer's open cases; for a supervisor, every open case of the unit. */
  public record FindCaseload(Actor viewer) {}

  /** One case, as far as the viewer's scope allows. */
  public record FindIntake(UUID intakeId, Actor viewer) {}
}
