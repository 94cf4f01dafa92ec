package org.maplebridge.caseload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.read.Paging.PageRequest;

/** What can be asked of the caseload read model. */
public final class CaseloadQueries {
  private CaseloadQueries() {}

  /**
   * The viewer's open cases (a supervisor's: every open case of the unit), at risk first, then
   * overdue, then most urgent, then oldest; one page of them.
   */
  public record FindCaseload(Actor viewer, PageRequest<After> page) {

    /**
     * Where a page ends: the order key of its last case, and the moment the first page was read.
     * Whether a case is overdue depends on the time: every page is ordered as of that moment, so
     * none moves to another page while the caseload is paged through.
     */
    public record After(
        Instant asOf,
        boolean atRisk,
        boolean overdue,
        int urgencyRank,
        Instant openedAt,
        UUID intakeId) {
      public static final String LIST = "caseload";

      public static After of(List<String> cursor) {
        return new After(
            Instant.parse(cursor.get(0)),
            Boolean.parseBoolean(cursor.get(1)),
            Boolean.parseBoolean(cursor.get(2)),
            Integer.parseInt(cursor.get(3)),
            Instant.parse(cursor.get(4)),
            UUID.fromString(cursor.get(5)));
      }
    }
  }

  /** One case, as far as the viewer's scope allows. */
  public record FindIntake(UUID intakeId, Actor viewer) {}
}
