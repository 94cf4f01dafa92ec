package org.maplebridge.events.referral;

/** How a provider's answer reached the platform. */
public enum AnswerChannel {
  /** The provider's staff, signed in to their own pages or the API. */
  PORTAL,
  /** The provider's own system, moving the referral's FHIR Task. */
  FHIR,
  /** A call to the referring service, recorded by its staff. */
  PHONE
}
