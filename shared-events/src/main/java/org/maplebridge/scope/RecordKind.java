package org.maplebridge.scope;

/** The kinds of a person's record the scope policy decides on. */
public enum RecordKind {
  INTAKE,
  CRISIS,
  REFERRAL
}
