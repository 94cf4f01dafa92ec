package org.maplebridge.events.oncall;

import java.time.Instant;
import org.maplebridge.events.crisis.EscalationTier;

/**
 * A staff member holds a tier of the escalation ladder from {@code from} (inclusive) to {@code to}
 * (exclusive); the next period of the tier takes over where this one ends (the handover).
 */
public record OnCallPeriod(EscalationTier tier, String username, Instant from, Instant to) {

  public boolean covers(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
