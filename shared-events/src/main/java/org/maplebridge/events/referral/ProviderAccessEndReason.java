package org.maplebridge.events.referral;

/** Why a provider's access to a referral's disclosed fields ended before the referral did. */
public enum ProviderAccessEndReason {
  CONSENT_WITHDRAWN
}
