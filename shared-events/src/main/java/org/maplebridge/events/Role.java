package org.maplebridge.events;

/** Staff roles. ADMIN manages users, units and the service directory and sees no client data. */
public enum Role {
  COUNSELLOR,
  CRISIS_WORKER,
  SUPERVISOR,
  ADMIN,
  /**
   * Staff of a provider organisation of the directory: sees and answers only the referrals sent to
   * that organisation, with what each referral disclosed. Works for no unit.
   */
  PROVIDER,
  /** The platform acting on its own: deadlines and automation. Never a staff account. */
  SYSTEM
}
