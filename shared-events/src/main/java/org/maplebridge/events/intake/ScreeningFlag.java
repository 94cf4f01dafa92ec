package org.maplebridge.events.intake;

/** Findings that need attention whatever the total. */
public enum ScreeningFlag {
  SELF_HARM_ITEM
}
