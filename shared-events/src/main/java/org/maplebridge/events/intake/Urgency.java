package org.maplebridge.events.intake;

/** How soon a person needs help: requested at intake, decided at triage. */
public enum Urgency {
  ROUTINE,
  SOON,
  URGENT,
  EMERGENCY
}
