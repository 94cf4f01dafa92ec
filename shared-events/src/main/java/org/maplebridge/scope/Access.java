package org.maplebridge.scope;

/** How much of one part of a record a viewer sees. */
public enum Access {
  SHOWN,
  /** Identity as initials and birth year only. */
  MASKED,
  /**
   * Only what a referral disclosed to its recipient: the view is built from the disclosed fields
   * alone, so what it holds is shown.
   */
  DISCLOSED,
  /** The audit of one's own actions and looks only. */
  OWN,
  HIDDEN
}
