package org.maplebridge.events.referral;

/** The steps of a referral that have deadlines. */
public enum ReferralStage {
  ACKNOWLEDGEMENT,
  ACCEPTANCE,
  FEEDBACK
}
