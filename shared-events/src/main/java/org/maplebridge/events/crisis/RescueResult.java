package org.maplebridge.events.crisis;

/**
 * What staff learned of a rescue: help reached the person, or it did not (the person was not found
 * where they were thought to be, or refused help), in which case the chase goes on.
 */
public enum RescueResult {
  REACHED,
  NOT_FOUND,
  REFUSED
}
