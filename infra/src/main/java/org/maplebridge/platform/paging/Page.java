package org.maplebridge.platform.paging;

import java.time.Instant;
import java.util.UUID;
import org.maplebridge.events.crisis.EscalationTier;

/**
 * A notification to the person now responsible. It carries no identity and no clinical content:
 * why, the unit, the tier, the deadline and a link; the receiver sees {@code idempotencyKey} and
 * treats a repeat as the same page (pages are sent at least once).
 */
record Page(
    String idempotencyKey,
    Reason reason,
    UUID crisisId,
    String unit,
    EscalationTier tier,
    Instant deadline,
    String link,
    String recipient) {

  enum Reason {
    ESCALATION,
    ESCALATION_UNANSWERED,
    RESCUE_UNCONFIRMED,
    FOLLOW_UP_OVERDUE
  }

  String subject() {
    return "[MapleBridge] "
        + reason
        + ": "
        + unit
        + " / "
        + tier
        + (deadline == null ? "" : ", by " + deadline);
  }

  String text() {
    return "Page: "
        + reason
        + "\nUnit: "
        + unit
        + "\nTier: "
        + tier
        + "\nDeadline: "
        + (deadline == null ? "-" : deadline.toString())
        + "\nOpen: "
        + link
        + "\n";
  }
}
