package org.maplebridge.events.referral;

/** Who cancelled: the referring service or the provider. */
public enum ReferralSide {
  REFERRER,
  PROVIDER
}
