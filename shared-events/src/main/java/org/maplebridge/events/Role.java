package org.maplebridge.events;

/** Staff roles. ADMIN manages users, units and the service directory and sees no client data. */
public enum Role {
  COUNSELLOR,
  CRISIS_WORKER,
  SUPERVISOR,
  ADMIN
}
