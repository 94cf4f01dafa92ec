package org.maplebridge.events.privacy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long a person's records are kept after the last of them closed ({@code
 * maplebridge.retention.after-closure}): a calendar period ({@code P3Y}) or an exact duration
 * ({@code PT2S}, for tests). The same rule on the write side (may this person be erased?) and the
 * read side (who is due?).
 */
public record RetentionPeriod(Period calendar, Duration exact) {

  public static RetentionPeriod parse(String text) {
    try {
      return text.contains("T")
          ? new RetentionPeriod(Period.ZERO, Duration.parse(text))
          : new RetentionPeriod(Period.parse(text), Duration.ZERO);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "maplebridge.retention.after-closure must be an ISO-8601 period (P3Y) or duration (PT2S)",
          e);
    }
  }

  /** When records closed at {@code closedAt} are due for erasure. */
  public Instant endOf(Instant closedAt) {
    return closedAt.atOffset(ZoneOffset.UTC).plus(calendar).plus(exact).toInstant();
  }
}
