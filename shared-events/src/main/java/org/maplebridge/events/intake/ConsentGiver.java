package org.maplebridge.events.intake;

/** Who gave consent: the client or a guardian. */
public enum ConsentGiver {
  CLIENT,
  GUARDIAN
}
