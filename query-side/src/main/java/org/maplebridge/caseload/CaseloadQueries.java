package org.maplebridge.caseload;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.maplebridge.events.Actor;
import org.maplebridge.read.InvalidParameter;
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

  /**
   * A returning person among the viewer's unit's clients: by client reference, or by phone (its
   * digits alone) and birth year. Each lookup is a recorded look, whether it finds anyone or not.
   *
   * @param reference the client reference ({@code C-2026-000123}), or null
   * @param phoneDigits the phone's digits, or null
   * @param birthYear with the phone, the year of birth
   */
  public record FindClients(Actor viewer, String reference, String phoneDigits, Integer birthYear) {
    /** Fewer digits than this could be anybody's number. */
    private static final int FEWEST_DIGITS = 5;

    private static final int MOST_DIGITS = 20;

    /**
     * The lookup a request asks for: a reference, or a phone and a birth year; anything else is a
     * 400 naming the field at fault.
     */
    public static FindClients of(Actor viewer, String reference, String phone, String birthYear) {
      boolean byReference = present(reference);
      boolean byPhone = present(phone) || present(birthYear);
      if (byReference == byPhone) {
        throw new InvalidParameter(
            byReference ? "reference" : "phone",
            "Give a client reference, or a phone number and a birth year");
      }
      if (byReference) {
        String ref = reference.strip().toUpperCase(Locale.ROOT);
        if (!ref.matches("C-\\d{4}-\\d{6}")) {
          throw new InvalidParameter("reference", "A client reference reads C-2026-000123");
        }
        return new FindClients(viewer, ref, null, null);
      }
      String digits = present(phone) ? phone.replaceAll("[^0-9]", "") : "";
      if (digits.length() < FEWEST_DIGITS || digits.length() > MOST_DIGITS) {
        throw new InvalidParameter(
            "phone", "A phone number of " + FEWEST_DIGITS + " to " + MOST_DIGITS + " digits");
      }
      int thisYear = Year.now(ZoneOffset.UTC).getValue();
      Integer year =
          present(birthYear) && birthYear.strip().matches("\\d{4}")
              ? Integer.valueOf(birthYear.strip())
              : null;
      if (year == null || year < 1900 || year > thisYear) {
        throw new InvalidParameter("birthYear", "A year of birth from 1900 to " + thisYear);
      }
      return new FindClients(viewer, null, digits, year);
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }
  }
}
