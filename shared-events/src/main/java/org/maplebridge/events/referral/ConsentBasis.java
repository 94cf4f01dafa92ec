package org.maplebridge.events.referral;

/** Why sharing was allowed: the client's consent, an authorised override, or a rescue. */
public enum ConsentBasis {
  CLIENT_CONSENT,
  OVERRIDE,
  RESCUE
}
