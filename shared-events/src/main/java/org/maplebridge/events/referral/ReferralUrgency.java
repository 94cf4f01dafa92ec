package org.maplebridge.events.referral;

/** How soon the receiving service must respond. */
public enum ReferralUrgency {
  ROUTINE,
  URGENT,
  EMERGENCY
}
