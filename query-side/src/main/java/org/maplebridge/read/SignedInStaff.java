package org.maplebridge.read;

/**
 * Whether a signed-in staff member may still be shown anything: kept by the platform's accounts.
 */
public interface SignedInStaff {

  /** False once the account is switched off. */
  boolean stillOn(String username);
}
