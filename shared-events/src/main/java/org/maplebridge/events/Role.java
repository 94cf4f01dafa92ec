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
  /**
   * Organisation-wide: the access audit, emergency-access reviews and account approvals of every
   * unit; sees no identity or clinical content.
   */
  PRIVACY_OFFICER,
  /** The platform acting on its own: deadlines and automation. Never a staff account. */
  SYSTEM;

  /** Works for the whole organisation, not for one unit: has no unit. */
  public boolean organisationWide() {
    return this == ADMIN || this == PRIVACY_OFFICER;
  }

  /**
   * Accounts whose holder reaches other people's records or accounts: a new one waits for the
   * privacy officer's approval before it signs in.
   */
  public boolean privileged() {
    return this == SUPERVISOR || this == ADMIN || this == PRIVACY_OFFICER;
  }
}
