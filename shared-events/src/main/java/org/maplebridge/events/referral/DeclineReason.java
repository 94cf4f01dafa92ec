package org.maplebridge.events.referral;

/** Why a provider declined. */
public enum DeclineReason {
  NO_CAPACITY,
  NOT_ELIGIBLE,
  CLIENT_REFUSED,
  OTHER
}
