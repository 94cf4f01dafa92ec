package org.maplebridge.events.oncall;

import java.util.Optional;
import java.util.function.Function;
import org.maplebridge.events.crisis.EscalationTier;

/**
 * Who acknowledges an escalation: the person the roster pages for its tier, or whoever holds a
 * higher tier now; where the roster has nobody for the tier, the page falls to the unit's
 * supervisor. Emergency services are an agency, not a person: at that rung whoever holds a tier of
 * the roster answers. Never whoever raised it, nor, on a rung the platform raised as the ladder
 * climbed, whoever raised the rung it climbed from: a second pair of eyes is the point of
 * escalating. Published with the events, so the write side refuses and the pages offer the same.
 */
public final class Answering {
  /** Who raises a rung the platform raised itself (a missed deadline, an undelivered page). */
  public static final String PLATFORM = "system";

  private Answering() {}

  /**
   * Who escalated the rung just raised by {@code raisedBy}: that person, or, when the platform
   * raised it, {@code carried}, who escalated the rung before it (null once a rung was
   * acknowledged: a later rung starts a new chain).
   */
  public static String escalatedBy(String carried, String raisedBy) {
    return PLATFORM.equals(raisedBy) ? carried : raisedBy;
  }

  /**
   * @param escalatedBy who escalated the rung, carried along the ladder ({@link #escalatedBy})
   * @param holder who holds a tier of the unit's roster now (empty in a gap)
   */
  public static boolean mayAcknowledge(
      String username,
      boolean unitSupervisor,
      EscalationTier tier,
      String escalatedBy,
      Function<EscalationTier, Optional<String>> holder) {
    return !username.equals(escalatedBy) && paged(username, unitSupervisor, tier, holder);
  }

  /** Paged for the tier, or on a higher one, whoever raised it. */
  public static boolean paged(
      String username,
      boolean unitSupervisor,
      EscalationTier tier,
      Function<EscalationTier, Optional<String>> holder) {
    if (tier == EscalationTier.EMERGENCY_SERVICES) {
      boolean anyHolder = false;
      for (EscalationTier staffed : EscalationTier.values()) {
        Optional<String> held =
            staffed == EscalationTier.EMERGENCY_SERVICES ? Optional.empty() : holder.apply(staffed);
        anyHolder |= held.isPresent();
        if (held.filter(username::equals).isPresent()) {
          return true;
        }
      }
      return !anyHolder && unitSupervisor;
    }
    Optional<String> forTier = holder.apply(tier);
    if (forTier.isEmpty() ? unitSupervisor : forTier.get().equals(username)) {
      return true;
    }
    for (EscalationTier above = tier.next();
        above != null && above != EscalationTier.EMERGENCY_SERVICES;
        above = above.next()) {
      if (holder.apply(above).filter(username::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
