package org.maplebridge.events.intake;

/** Screening instruments the platform scores. */
public enum Instrument {
  PHQ9,
  GAD7,
  CSSRS
}
