package org.maplebridge.events.crisis;

/** Why a crisis episode was closed. */
public enum CrisisClosureReason {
  STABILISED,
  REFERRED_ON,
  LOST_TO_FOLLOW_UP,
  NOT_A_CRISIS
}
