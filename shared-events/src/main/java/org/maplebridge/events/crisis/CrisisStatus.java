package org.maplebridge.events.crisis;

/**
 * Where a crisis episode stands, as the board and the episode page name it: the most pressing of
 * its facts ({@link CrisisState#status()}). Published with the events, so the write side's rules,
 * the board and the pages share one state machine.
 */
public enum CrisisStatus {
  IDENTIFIED,
  ASSESSED,
  ESCALATED,
  RESCUE_UNCONFIRMED,
  LOST_TO_FOLLOW_UP,
  AWAITING_CLOSURE_APPROVAL,
  CLOSED
}
