package org.maplebridge.events.client;

/** Groups that services prioritise. */
public enum PopulationGroup {
  LEFT_BEHIND_CHILD,
  LEFT_BEHIND_ELDERLY,
  ELDERLY_LIVING_ALONE,
  PERSON_WITH_DISABILITY,
  COMMUNITY_CORRECTIONS,
  DRUG_REHABILITATION,
  SEVERE_MENTAL_DISORDER_FOLLOW_UP,
  STUDENT,
  OTHER
}
