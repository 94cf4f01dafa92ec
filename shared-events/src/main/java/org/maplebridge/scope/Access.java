package org.maplebridge.scope;

/** How much of one part of a record a viewer sees. */
public enum Access {
  SHOWN,
  /** Identity as initials and birth year only. */
  MASKED,
  /** The audit of one's own actions and looks only. */
  OWN,
  HIDDEN
}
