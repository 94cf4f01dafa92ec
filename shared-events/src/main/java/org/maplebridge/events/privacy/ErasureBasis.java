package org.maplebridge.events.privacy;

/** Why a person could be erased. */
public enum ErasureBasis {
  /** The retention period after the last of their records closed had ended. */
  RETENTION_ENDED,
  /** A recorded request (the person's, or an authority's) before that. */
  REQUEST
}
