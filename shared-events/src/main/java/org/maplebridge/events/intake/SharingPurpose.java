package org.maplebridge.events.intake;

/**
 * What a person allows their details to be shared for: a referral to a service (the recipient
 * learns what the referral discloses so that it can take the person on), or care coordination
 * between services already working with the person. A referral relies only on consent for {@link
 * #REFERRAL}.
 */
public enum SharingPurpose {
  REFERRAL,
  CARE_COORDINATION
}
