package org.maplebridge.events.intake;

/** How consent was given. */
public enum ConsentMethod {
  VERBAL,
  WRITTEN
}
