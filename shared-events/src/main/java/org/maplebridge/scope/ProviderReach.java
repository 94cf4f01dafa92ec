package org.maplebridge.scope;

import java.time.Instant;
import org.maplebridge.events.referral.ReferralStatus;

/**
 * How far a referral reaches the provider it was sent to: not at all before it is sent and after a
 * final state; to its summary (urgency, service, reason, initials and age) until it is accepted; to
 * the fields it disclosed from acceptance for the provider-access period; once the person withdrew
 * consent to share, to the referral's existence, status and dates alone.
 */
public enum ProviderReach {
  NONE,
  PREVIEW,
  DISCLOSED,
  /** The provider's access ended: it may still see and close the referral, not the person. */
  ENDED;

  /**
   * The reach of a referral in {@code status}, sent or not, whose provider access (set on
   * acceptance) lasts until {@code accessUntil} unless {@code accessEnded} (consent withdrawn), at
   * {@code now}.
   */
  public static ProviderReach of(
      ReferralStatus status, boolean sent, Instant accessUntil, boolean accessEnded, Instant now) {
    if (!sent || !ReferralStatus.OPEN.contains(status)) {
      return NONE;
    }
    if (accessEnded) {
      return ENDED;
    }
    boolean accessOpen = accessUntil != null && now.isBefore(accessUntil);
    return ReferralStatus.AFTER_ACCEPTANCE.contains(status) && accessOpen ? DISCLOSED : PREVIEW;
  }
}
