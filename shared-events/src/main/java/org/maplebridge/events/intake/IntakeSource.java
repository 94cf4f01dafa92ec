package org.maplebridge.events.intake;

/** How a person came to the service. */
public enum IntakeSource {
  WALK_IN,
  PHONE,
  ONLINE,
  SCHOOL,
  HOSPITAL,
  POLICE,
  GRID_WORKER,
  SELF
}
