package org.maplebridge.events.crisis;

/** How a crisis reached the service: a contact, or a report or alert from elsewhere. */
public enum ContactChannel {
  HOTLINE,
  CHAT,
  WALK_IN,
  OUTREACH,
  INTAKE_ALERT,
  COUNSELLOR_CONCERN,
  GRID_WORKER_REPORT,
  POLICE_REPORT
}
