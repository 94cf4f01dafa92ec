package org.maplebridge.events.crisis;

/** Who made contact about the person in crisis. */
public enum Caller {
  SELF,
  FAMILY,
  THIRD_PARTY,
  POLICE,
  COUNSELLOR,
  GRID_WORKER
}
