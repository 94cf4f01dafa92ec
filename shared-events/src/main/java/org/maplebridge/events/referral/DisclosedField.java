package org.maplebridge.events.referral;

/** What a provider may see of the person: the minimum necessary, chosen per referral. */
public enum DisclosedField {
  NAME,
  BIRTH_DATE,
  PHONE,
  NATIONAL_ID,
  ADDRESS,
  CONCERN,
  SCREENINGS,
  RISK_LEVEL,
  SAFETY_PLAN
}
