package org.maplebridge.events.directory;

/** Whether a provider can take people now. */
public enum CapacityStatus {
  AVAILABLE,
  LIMITED,
  FULL
}
