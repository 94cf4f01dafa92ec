package org.maplebridge.events.referral;

/** What a supervisor's review of a referral records. */
public enum ReviewKind {
  FINDING,
  CONCERN,
  APPROVAL
}
