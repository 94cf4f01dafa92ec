package org.maplebridge.events.intake;

/** What a person agreed to. */
public enum ConsentScope {
  COUNSELLING,
  REFERRAL_SHARING,
  CONTACT
}
