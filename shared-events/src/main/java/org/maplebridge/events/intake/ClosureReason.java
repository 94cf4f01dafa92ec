package org.maplebridge.events.intake;

/** Why a case was closed. */
public enum ClosureReason {
  GOALS_MET,
  REFERRED_ON,
  CLIENT_WITHDREW,
  UNREACHABLE,
  TRANSFERRED
}
