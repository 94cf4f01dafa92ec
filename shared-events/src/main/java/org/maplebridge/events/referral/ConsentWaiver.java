package org.maplebridge.events.referral;

/**
 * Where sharing without the client's consent stands on a referral: never asked, asked and waiting
 * for the unit's supervisor, granted by the supervisor (an override), or refused (the referrer may
 * ask again with another reason). Published beside {@link ReferralStatus} so the write side's rules
 * and the steps the pages offer agree.
 */
public enum ConsentWaiver {
  NONE,
  REQUESTED,
  GRANTED,
  REFUSED;

  /** Where the waiver stands after the event; as it was for events that do not touch it. */
  public ConsentWaiver after(ReferralEvent event) {
    if (event instanceof ConsentWaiverRequested) {
      return REQUESTED;
    }
    if (event instanceof ConsentOverrideRecorded) {
      return GRANTED;
    }
    if (event instanceof ConsentWaiverRefused) {
      return REFUSED;
    }
    return this;
  }
}
