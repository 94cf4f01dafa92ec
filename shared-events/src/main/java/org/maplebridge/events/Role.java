package org.maplebridge.events;

/** Staff roles. ADMIN manages users, units and the service directory and sees no client data. */
public enum Role {
  COUNSELLOR,
  CRISIS_WORKER,
  SUPERVISOR,
  ADMIN,
  /** The platform acting on its own: deadlines and automation. Never a staff account. */
  SYSTEM
}
