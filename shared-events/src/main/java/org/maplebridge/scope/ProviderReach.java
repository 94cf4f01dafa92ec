package org.maplebridge.scope;

import java.time.Instant;
import org.maplebridge.events.referral.ReferralStatus;

/**
 * How far a referral reaches the provider it was sent to: not at all before it is sent and after a
 * final state; to its summary (urgency, service, reason, initials and age) until it is accepted; to
 * the fields it disclosed from acceptance for the provider-access period.
 */
public enum ProviderReach {
  NONE,
  PREVIEW,
  DISCLOSED;

  /**
   * The reach of a referral in {@code status}, sent or not, whose provider access (set on
   * acceptance) lasts until {@code accessUntil}, at {@code now}.
   */
  public static ProviderReach of(
      ReferralStatus status, boolean sent, Instant accessUntil, Instant now) {
    if (!sent || !ReferralStatus.OPEN.contains(status)) {
      return NONE;
    }
    boolean accessOpen = accessUntil != null && now.isBefore(accessUntil);
    return ReferralStatus.AFTER_ACCEPTANCE.contains(status) && accessOpen ? DISCLOSED : PREVIEW;
  }
}
