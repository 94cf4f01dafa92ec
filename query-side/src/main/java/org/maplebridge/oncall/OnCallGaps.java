package org.maplebridge.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.maplebridge.events.crisis.EscalationTier;

/** Where a roster leaves a tier with nobody, within a time ahead: found before it happens. */
public final class OnCallGaps {
  /** The tiers people hold; emergency services are reached by them. */
  public static final List<EscalationTier> STAFFED_TIERS =
      List.of(EscalationTier.ON_CALL_SUPERVISOR, EscalationTier.ON_CALL_CLINICIAN);

  private OnCallGaps() {}

  /** A stretch of time in which nobody holds the tier. */
  public record Gap(EscalationTier tier, Instant from, Instant to) {}

  /** A period of the roster, as the read side holds it. */
  public record Held(EscalationTier tier, String username, Instant from, Instant to) {}

  /** Every gap of every staffed tier between {@code from} and {@code to}, earliest first. */
  public static List<Gap> within(List<Held> periods, Instant from, Instant to) {
    List<Gap> gaps = new ArrayList<>();
    for (EscalationTier tier : STAFFED_TIERS) {
      Instant covered = from;
      for (Held period :
          periods.stream()
              .filter(held -> held.tier() == tier)
              .sorted(Comparator.comparing(Held::from))
              .toList()) {
        if (!period.to().isAfter(covered)) {
          continue;
        }
        if (period.from().isAfter(covered)) {
          gaps.add(new Gap(tier, covered, min(period.from(), to)));
        }
        covered = period.to();
        if (!covered.isBefore(to)) {
          break;
        }
      }
      if (covered.isBefore(to)) {
        gaps.add(new Gap(tier, covered, to));
      }
    }
    return gaps.stream()
        .filter(gap -> gap.from().isBefore(gap.to()))
        .sorted(Comparator.comparing(Gap::from).thenComparing(Gap::tier))
        .toList();
  }

  private static Instant min(Instant one, Instant other) {
    return one.isBefore(other) ? one : other;
  }
}
